package engine

import "github.com/shopspring/decimal"

// PlausibleFleetAccelerators is the largest fleet the summary takes at
// face value: the largest deployment announced to date, OpenAI's letter
// of intent with NVIDIA for at least 10 GW of NVIDIA systems (22 September
// 2025), which NVIDIA's CEO put at 4 to 5 million GPUs. The next largest,
// Anthropic's with Google Cloud (23 October 2025), is up to 1 million TPUs.
// An option whose fleet peaks above it gets a warning (Summary.Scale), not
// a refusal. Sources in docs/methodology.md.
var PlausibleFleetAccelerators = decimal.NewFromInt(5_000_000)

// PlausibleFleetSource names PlausibleFleetAccelerators' source in words.
const PlausibleFleetSource = "OpenAI and NVIDIA's 10 GW letter of intent of September 2025, 4 to 5 million GPUs"
