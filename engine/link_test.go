package engine

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// typicalScenario is the length target's "typical" case: a preset model and
// three options from presets with a few overrides.
func typicalScenario() *Scenario {
	return &Scenario{
		Version: 1,
		Name:    "Support bot",
		Workload: Workload{RequestsPerDay: N("250000"), InputTokens: N("1800"), OutputTokens: N("350"),
			CachedInputShare: N("0.3"), PeakToAverage: N("2.5"), MonthlyGrowth: N("0.04"), HorizonMonths: N("24")},
		Model: Model{Preset: "llama-3.1-70b", WeightBits: N("8")},
		Options: []Option{
			{Label: "H100 rented", Kind: Cloud, Accelerator: &Accelerator{Preset: "h100-sxm"}, HourlyRate: N("2.49")},
			{Label: "MI300X owned", Kind: Owned, Accelerator: &Accelerator{Preset: "mi300x"}, ElectricityPerKWh: N("0.08")},
			{Label: "API", Kind: API, PriceInputPerM: N("0.6"), PriceCachedInputPerM: N("0.15"), PriceOutputPerM: N("0.8")},
		},
	}
}

// largestScenario has eight custom options with every field set, maximal
// names and labels.
func largestScenario() *Scenario {
	s := &Scenario{
		Version: 1,
		Name:    strings.Repeat("Largest scenario ", 8)[:MaxNameLen],
		Workload: Workload{RequestsPerDay: N("123456789.25"), InputTokens: N("123456"), OutputTokens: N("65432"),
			CachedInputShare: N("0.375"), PeakToAverage: N("3.25"), MonthlyGrowth: N("0.0125"), HorizonMonths: N("120"), TPOTSLOms: N("45.5"),
			SitePowerMW:  N("9999.75"),
			DiscountRate: N("0.0725"), SizingBasis: N("1")},
		Model: Model{TotalParamsB: N("671.5"), ActiveParamsB: N("37.25"), Experts: N("256"), ExpertsPerToken: N("8"), RoutedParamsB: N("653.75"),
			Layers: N("61"), KVHeads: N("128"), HeadDim: N("128"), KVBytesPerToken: N("70272"), HiddenSize: N("7168"), WeightBits: N("8"), KVBits: N("16")},
		Revenue: &Revenue{PriceInputPerM: N("1.25"), PriceCachedInputPerM: N("0.3125"), PriceOutputPerM: N("10.5"), PriceChange: N("-0.125")},
	}
	for i := 0; i < MaxOptions; i++ {
		o := Option{Label: fmt.Sprintf("Option %d %s", i+1, strings.Repeat("x", MaxLabelLen))[:MaxLabelLen],
			Accelerator: &Accelerator{MemoryGB: N("191.75"), BandwidthTBps: N("5.325"), TFLOPS: N("2614.9"), InterconnectGBps: N("447.5"), PowerKW: N("0.75")}}
		switch i % 3 {
		case 0:
			o.Kind = Cloud
		case 1:
			o.Kind = Owned
		default:
			o.Kind = API
		}
		for j, f := range OptionFields {
			if f.AppliesTo(o.Kind) {
				v := fmt.Sprintf("%d.%03d", (j%7)+1, 100+j*37+i)
				if f.Integer {
					v = fmt.Sprint((j % 7) + 1)
				}
				if f.Max.LessThan(d(v)) {
					v = f.Max.String()
				}
				*f.Get(&o) = N(v)
			}
		}
		if o.Kind == API {
			o.Accelerator = nil
		}
		if o.Kind == Cloud {
			for k := range MaxCommitments {
				o.Commitments = append(o.Commitments, Commitment{Accelerators: N(fmt.Sprint(100 + k)), HourlyRate: N(fmt.Sprintf("1.%03d", 250+k)),
					StartMonth: N(fmt.Sprint(1 + 12*k)), Months: N("36"), UpfrontShare: N(fmt.Sprintf("0.%d5", k))})
			}
		}
		s.Options = append(s.Options, o)
	}
	return s
}

func TestLinkLengths(t *testing.T) {
	typical := EncodeLink(typicalScenario())
	largest := EncodeLink(largestScenario())
	t.Logf("typical scenario: %d characters of fragment: #%s", len(typical), typical)
	t.Logf("largest scenario: %d characters of fragment", len(largest))
	if len(typical) >= 300 {
		t.Errorf("typical link is %d characters, want < 300", len(typical))
	}
	if len(largest) >= 2000 {
		t.Errorf("largest link is %d characters, want < 2000", len(largest))
	}
}

func TestLinkTypicalIsReadable(t *testing.T) {
	link := EncodeLink(typicalScenario())
	if !strings.HasPrefix(link, strconv.Itoa(LinkVersion)+"r.") {
		t.Errorf("typical link is not readable: %s", link)
	}
	// Only values that differ from their preset's are written: the owned
	// option's capex and the H100's specs come from the catalog.
	if strings.Contains(link, "cx=") || strings.Contains(link, "mem=") {
		t.Errorf("link repeats preset values: %s", link)
	}
}

func TestLinkRoundTripPresets(t *testing.T) {
	for _, m := range Models {
		for _, a := range Accelerators {
			s := typicalScenario()
			s.Model = Model{Preset: m.ID}
			s.Options[0].Accelerator.Preset = a.ID
			s.Options[1].Accelerator.Preset = a.ID
			checkRoundTrip(t, s)
		}
	}
}

func TestLinkRoundTripExactDecimalsAndUnicode(t *testing.T) {
	s := typicalScenario()
	s.Name = "Coût ≈ 2.49 € ~ 100% = «test» + 漢字 🚀"
	s.Options[0].HourlyRate = N("2.49")
	s.Workload.CachedInputShare = N("0.1")
	s.Options[2].Label = "a=b~c%d+e"
	got := checkRoundTrip(t, s)
	if got.Options[0].HourlyRate.String() != "2.49" || got.Workload.CachedInputShare.String() != "0.1" || got.Name != s.Name || got.Options[2].Label != "a=b~c%d+e" {
		t.Errorf("round trip changed values: %+v", got)
	}
}

// checkRoundTrip asserts Decode(Encode(s)) = Normalize(s), that encoding is
// canonical, and that results are unchanged.
func checkRoundTrip(t *testing.T, s *Scenario) Scenario {
	t.Helper()
	link := EncodeLink(s)
	got, err := DecodeLink("https://example.com/app/#" + link)
	if err != nil {
		t.Fatalf("decode %s: %v", link, err)
	}
	want := Normalize(s)
	if !scenarioEqual(got, want) {
		a, _ := json.Marshal(got)
		b, _ := json.Marshal(want)
		t.Fatalf("round trip differs:\n got %s\nwant %s\nlink %s", a, b, link)
	}
	if again := EncodeLink(&got); again != link {
		t.Fatalf("not canonical:\n%s\n%s", link, again)
	}
	r1, err1 := Evaluate(s)
	r2, err2 := Evaluate(&got)
	if (err1 == nil) != (err2 == nil) {
		t.Fatalf("evaluation differs: %v / %v", err1, err2)
	}
	if err1 == nil {
		j1, _ := json.Marshal(r1)
		j2, _ := json.Marshal(r2)
		if !bytes.Equal(j1, j2) {
			t.Fatalf("results differ after a round trip of %s", link)
		}
	}
	return got
}

// randomScenario draws a scenario from the fields' ranges: values near
// defaults, presets, custom specs, all kinds.
func randomScenario(r *rand.Rand) *Scenario {
	pick := func(vals ...string) Num {
		v := vals[r.IntN(len(vals))]
		if v == "" {
			return Num{}
		}
		return N(v)
	}
	s := &Scenario{Version: 1, Name: []string{"", "x", "Scénario ~ test", "a+b=c"}[r.IntN(4)]}
	s.Workload = Workload{
		RequestsPerDay: pick("1", "1000", "2500000.5"), InputTokens: pick("0", "100", "4000"), OutputTokens: pick("1", "300"),
		CachedInputShare: pick("", "0", "0.5"), PeakToAverage: pick("", "1", "2.25"), MonthlyGrowth: pick("", "0", "0.05", "-0.02"),
		HorizonMonths: pick("", "1", "36", "60"), TPOTSLOms: pick("", "", "200"), DiscountRate: pick("", "0", "0.08", "0.125"),
		SizingBasis: pick("", "0", "1"),
	}
	if r.IntN(3) == 0 {
		s.Model = Model{TotalParamsB: pick("8", "70.6"), Layers: pick("32", "80"), KVHeads: pick("8"), HeadDim: pick("128"), WeightBits: pick("", "8", "16")}
	} else {
		s.Model = Model{Preset: Models[r.IntN(len(Models))].ID, WeightBits: pick("", "8", "16"), KVBits: pick("", "8")}
	}
	if r.IntN(2) == 0 {
		s.Revenue = &Revenue{PriceInputPerM: pick("1"), PriceCachedInputPerM: pick("", "0.25", "1"), PriceOutputPerM: pick("3"), PriceChange: pick("", "0", "-0.3", "0.05")}
	}
	for i := 0; i < 1+r.IntN(MaxOptions); i++ {
		o := Option{Label: fmt.Sprintf("opt %d", i), Kind: Kinds[r.IntN(3)]}
		if r.IntN(4) == 0 {
			o.Accelerator = &Accelerator{MemoryGB: pick("80", "192"), BandwidthTBps: pick("3.35"), TFLOPS: pick("1979"), PowerKW: pick("", "0.7")}
		} else {
			a := Accelerators[r.IntN(len(Accelerators))]
			o.Accelerator = &Accelerator{Preset: a.ID, MemoryGB: pick("", "", a.MemoryGB.String())}
		}
		for _, f := range OptionFields {
			if r.IntN(3) == 0 {
				v := f.Min.Add(f.Max.Sub(f.Min).Mul(d(fmt.Sprintf("0.%d", r.IntN(1000)))))
				if f.Integer || v.Exponent() < -6 {
					v = v.Round(0)
				}
				*f.Get(&o) = NumOf(v)
			}
		}
		for range r.IntN(4) {
			o.Commitments = append(o.Commitments, Commitment{Accelerators: pick("", "8", "64"), HourlyRate: pick("", "1.25", "2.49"),
				StartMonth: pick("", "1", "7", "13"), Months: pick("", "12", "36"), UpfrontShare: pick("", "0", "0.5", "1")})
		}
		s.Options = append(s.Options, o)
	}
	return s
}

func TestLinkRoundTripRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 400; i++ {
		checkRoundTrip(t, randomScenario(r))
	}
}

func TestNormalizeIsIdempotent(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 200; i++ {
		n := Normalize(randomScenario(r))
		if !scenarioEqual(Normalize(&n), n) {
			t.Fatal("Normalize is not idempotent")
		}
	}
}

func TestLinkKeysAreUnique(t *testing.T) {
	top := map[string]string{"n": "name", "m": "model", "rev": "revenue", "o": "option"}
	opt := map[string]string{"l": "label", "a": "accelerator", "o": "option"}
	add := func(scope map[string]string, key, what string) {
		if prev, ok := scope[key]; ok {
			t.Errorf("link key %q used by %s and %s", key, prev, what)
		}
		scope[key] = what
	}
	for _, f := range WorkloadFields {
		add(top, f.Link, f.Key)
	}
	for _, f := range ModelFields {
		add(top, f.Link, f.Key)
	}
	for _, f := range RevenueFields {
		add(top, f.Link, f.Key)
	}
	for _, f := range AcceleratorFields {
		add(opt, f.Link, f.Key)
	}
	for _, f := range OptionFields {
		add(opt, f.Link, f.Key)
	}
}

func deflateBomb() string {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	w.Write([]byte("n="))
	w.Write(bytes.Repeat([]byte("A"), 4<<20)) // 4 MB in about 4 KB
	w.Close()
	return "1z." + base64.RawURLEncoding.EncodeToString(buf.Bytes())
}

func TestDecodeLinkHostile(t *testing.T) {
	for _, tc := range []struct {
		name, link, want string
	}{
		{"empty", "", "it is empty"},
		{"url without fragment", "https://example.com/app/", "nothing after #"},
		{"garbage", "#hello", "format version"},
		{"future version", "#" + strconv.Itoa(LinkVersion+1) + "r.n=x", "newer version of infercost (link format " + strconv.Itoa(LinkVersion+1)},
		{"expert field in a version-1 link", "#1r.m=deepseek-v3~ex=256", `unknown part "ex"`},
		{"far future", "#99999z.AAAA", "newer version"},
		{"zero version", "#0r.n=x", "format version"},
		{"unknown form", "#1q.abc", "unknown link form"},
		{"deflate bomb", deflateBomb(), "expands to more than"},
		{"10 MB string", "#1r." + strings.Repeat("a", 10<<20), "characters long"},
		{"10,000 digits", "#1r.rpd=" + strings.Repeat("9", 10000), "characters long"},
		{"long number", "#1r.rpd=" + strings.Repeat("9", 100), "too long to be a number"},
		{"billion exponent", "#1r.rpd=1e1000000000", "too large"},
		{"negative count", "#1r.rpd=1~in=1~out=1~m=llama-3.1-8b~o=cloud~l=x~a=h100-sxm~sp=-3", ""},
		{"invalid utf-8", "#1r.n=%FF%FE", "not valid UTF-8"},
		{"bad escape", "#1r.n=%G1", "bad %-escape"},
		{"truncated compressed", "#1z.q1Y", "damaged"},
		{"bad base64", "#1z.***", "damaged"},
		{"too many options", "#1r." + strings.Repeat("o=api~", 9), "more than 8 options"},
		{"unknown key", "#1r.zzz=1", `unknown part "zzz"`},
		{"unknown kind", "#1r.o=barter", "unknown option kind"},
		{"repeated key", "#1r.rpd=1~rpd=2", "appears twice"},
		{"no value", "#1r.rpd", "has no value"},
		{"key for another kind", "#1r.o=api~hr=2", `unknown part "hr" for an option of kind api`},
		{"accelerator for an api", "#1r.o=api~a=h100-sxm", `unknown part "a" for an option of kind api`},
		{"many parts", "#1r." + strings.Repeat("~", 700), "parts"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			_, err := DecodeLink(tc.link)
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %s", d)
			}
			if tc.want == "" {
				return
			}
			var le *LinkError
			if err == nil || !errors.As(err, &le) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want a LinkError containing %q", err, tc.want)
			}
		})
	}
}

func TestDecodeLinkNegativeCountIsAValidationError(t *testing.T) {
	s, err := DecodeLink("#1r.rpd=1~in=1~out=1~m=llama-3.1-8b~o=cloud~l=x~a=h100-sxm~sp=-3")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Evaluate(&s)
	var errs Errors
	if !errors.As(err, &errs) || errs.For("options[0].spare_replicas") != "must be ≥ 0" {
		t.Errorf("got %v", err)
	}
}

func TestDecodeLinkScriptNameIsText(t *testing.T) {
	s := typicalScenario()
	s.Name = `<script>alert("x")</script>`
	got := checkRoundTrip(t, s)
	if got.Name != s.Name {
		t.Errorf("name = %q", got.Name)
	}
}

func FuzzDecodeLink(f *testing.F) {
	f.Add(EncodeLink(typicalScenario()))
	f.Add(EncodeLink(largestScenario()))
	stack := typicalScenario() // the stack efficiency (format 4) on a preset
	stack.Options[1].Accelerator.StackEfficiency = N("0.8")
	f.Add(EncodeLink(stack))
	site := typicalScenario() // a site power budget (format 4)
	site.Workload.SitePowerMW = N("10000")
	f.Add(EncodeLink(site))
	f.Add("#4r.rpd=1~in=1~out=1~m=llama-3.1-8b~mw=0.000001~o=owned~l=x~a=h100-sxm~apr=4096")
	f.Add("#3r.mw=1")
	f.Add("#4r.rpd=1000~in=10~out=10~m=llama-3.1-8b~sd=7~ns=10000~u=g,0,0.05,0.1~u=rpd,500,1000,1e12~u=0.thr,0.5,0.9,1.1~u=1.po,1,,2,x~o=cloud~a=h100-sxm~o=api~l=a~pi=1~po=1")
	f.Add("#5r.rpd=1000~in=10~out=10~m=llama-3.1-8b~ns=50~u=g,0.01,0.04,0.12,ln~u=rpd,0.000000000000000001,1,1e12,ln~u=0.thr,0.01,1,100,ln~u=1.po,1,1,1,lognormal~o=cloud~a=h100-sxm~o=api~l=a~pi=1~po=1")
	f.Add("#4r.rpd=1000~in=10~out=10~m=llama-3.1-8b~u=g,0.01,0.04,0.12,ln~o=api~l=a~pi=1~po=1")
	// Draws outside the model's limits, drawn again: some (growth above
	// √2 − 1 passes 10^15 requests a day by month 21), and all (too many).
	f.Add("#5r.rpd=976562500000~in=1~out=1~h=21~m=llama-3.1-8b~sd=8~ns=40~u=g,0,0.2,1~o=api~l=a~pi=1~po=1")
	f.Add("#5r.rpd=976562500000~in=1~out=1~h=21~m=llama-3.1-8b~ns=40~u=g,0.9,0.95,1~u=p2a,1.5,1.5,1.5~o=api~l=a~pi=1~po=1")
	f.Add("#1r.n=%3Cscript%3E~rpd=1e9")
	f.Add("#2r.x")
	f.Add("#1z.AAAA")
	f.Add("#1r.rpd=" + strings.Repeat("9", 10000))
	f.Add("#1r.rpd=1e1000000000")
	f.Add("#1r.o=cloud~sp=-1")
	f.Add("#1r.n=\xff\xfe")
	f.Add("#4r.rpd=1000~in=100~out=10~dr=0.1~m=llama-3.1-8b~rev~ri=1~ro=2~rg=-0.3~o=api~pi=1~po=2~pg=-0.9~o=cloud~a=h100-sxm~hrg=1~o=owned~a=h100-sxm~cxg=-0.2")
	f.Add("#3r.dr=0.1~o=api~pg=-0.3") // version-4 keys in a version-3 link
	// The sizing basis (format 5): net present cost, out of range, and in
	// a version-4 link.
	f.Add("#5r.rpd=1000~in=100~out=10~h=60~dr=1~sb=1~m=llama-3.1-8b~o=cloud~a=h100-sxm~ca=8~cm=36~ct=4,1,2,3,1")
	f.Add("#5r.sb=2~o=cloud")
	f.Add("#5r.sb=0.5")
	f.Add("#4r.sb=1~o=cloud")
	f.Add("#4r.rpd=1000~in=100~out=10~g=0.5~h=120~m=llama-3.1-8b~o=owned~l=x~a=h100-sxm~dy=0.01~rfr=1~rsh=1~lnm=360~lnr=1~lnd=0.5")
	f.Add("#4r.rpd=1000~in=100~out=10~m=llama-3.1-8b~o=owned~l=x~a=h100-sxm~lsm=1~lsf=0.001~lnm=1~rfr=1~rsh=1")
	f.Add("#4r.o=cloud~hr=2~ca=8~chr=1.5~cm=2~ct=4,1,2,3,0.5~ct=10,1.4,3,3,1~ct=,,,,~ct=1,2,3,4,5,6")
	f.Add("#4r.o=owned~ct=1~o=cloud~ct=-1,1e30,0,121,2~ct")
	// MLA attention heads (format 5): on a custom MLA model, on a preset,
	// out of range, and on a model with a head dimension (ignored).
	f.Add("#5r.rpd=1000~in=32000~out=1000~tp=671~ap=37~ly=61~kvb=70272~ah=128~o=cloud~a=h200~apr=8")
	f.Add("#5r.m=deepseek-v3~ah=0~o=cloud~a=h200")
	f.Add("#5r.m=kimi-k2~ah=1e9~o=cloud~a=b200")
	f.Add("#5r.m=llama-3.1-8b~ah=32~o=cloud~a=h100-sxm")
	f.Add(EncodeLink(hybridScenario())) // hybrid fleets and the daily profile (format 5)
	f.Add("#5r.rpd=100000~in=1000~out=500~dp=business_hours~m=llama-3.1-8b~o=cloud~a=h100-sxm~chr=1.5~o=cloud~a=h100-sxm~o=api~pi=1~po=2~o=hybrid~l=h~hbo=1~hbu=2~hbm=8~hbh=4~hov=3")
	f.Add("#5r.rpd=1e12~in=1~out=1~dp=1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0~m=llama-3.1-8b~o=owned~a=b200~o=hybrid~hbo=2~hba=1000000~hbu=9~hov=1")
	f.Add("#5r.dp=-1,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0~dp=flat~o=hybrid~hbo=1~hbh=0~hbm=-1")
	f.Add("#4r.dp=flat~o=hybrid~hbo=1") // version-5 keys in a version-4 link
	// Version 6: disaggregated serving, extreme and refused values, and its
	// keys in a version-5 link.
	f.Add("#6r.rpd=1e12~in=100000~out=1~m=deepseek-v3~o=cloud~a=gb200~dg=1~papr=4096~apr=1")
	f.Add("#6r.rpd=1000~in=1~out=100000~ttft=0.001~m=llama-3.1-8b~o=owned~a=h100-sxm~dg=1~papr=1~mb=1")
	f.Add("#6r.m=llama-3.1-8b~o=cloud~a=h100-sxm~dg=2~papr=0~pf=1~dc=1~apr=1")
	// Format 7: the request overhead, at its bounds and beyond, with and
	// without disaggregated serving.
	f.Add("#7r.rpd=1000~in=100~out=10~ttft=0.5~m=llama-3.1-8b~o=cloud~a=h100-sxm~rqo=0")
	f.Add("#7r.rpd=1000~in=100~out=10~ttft=600000~m=deepseek-v3~o=cloud~a=gb200~dg=1~rqo=600000")
	f.Add("#7r.m=llama-3.1-8b~o=cloud~a=h100-sxm~rqo=-1~o=api~l=a~pi=1~po=1~rqo=5")
	// Format 8: the MLA decode time at its bounds, on a CDNA3 preset and a
	// custom accelerator, and refused values.
	f.Add("#8r.rpd=1000~in=100~out=10~m=deepseek-v3~o=cloud~a=mi300x~mla=0")
	f.Add("#8r.rpd=1000~in=7373~out=922~m=kimi-k2~o=owned~a=mi325x~mla=100000~o=cloud~a=h200~mla=200")
	f.Add("#8r.m=deepseek-v3~o=cloud~mem=80~bw=3.35~fl=989~mla=-1~o=cloud~a=mi300x~mla=1e9")
	// Format 9: sliding-window layers on a preset and a custom model, at
	// their bounds, and refused values.
	f.Add("#9r.rpd=1000~in=100~out=10~m=gemma-3-27b~sww=4096~o=cloud~a=h100-sxm")
	f.Add("#9r.rpd=1000~in=7373~out=922~tp=32~ly=64~kvh=8~hd=128~swl=64~sww=100000000~o=owned~a=mi325x")
	f.Add("#9r.m=gpt-oss-120b~swl=0~o=cloud~a=h200~o=cloud~mem=80~bw=3.35~fl=989")
	f.Add("#9r.tp=8~ly=32~kvh=8~hd=128~swl=33~sww=0~o=cloud~a=b200")
	f.Add("#5r.m=llama-3.1-8b~o=cloud~a=h100-sxm~dg=1")
	f.Fuzz(func(t *testing.T, link string) {
		s, err := DecodeLink(link)
		if err != nil {
			var le *LinkError
			if !errors.As(err, &le) {
				t.Fatalf("not a LinkError: %v", err)
			}
			return
		}
		if r, err := Evaluate(&s); err == nil { // must not panic
			for i := range r.Options {
				if r.Options[i].Kind == Cloud {
					SizeCommitment(&s, r, i, nil) // nor this, on either basis
					break
				}
			}
		}
		checkUncertainty(&s) // nor this
		fuzzSimulate(t, &s)
		// What decodes re-encodes to a link that decodes to the same scenario.
		again, err := DecodeLink(EncodeLink(&s))
		if err != nil {
			t.Fatalf("re-encoded link does not decode: %v", err)
		}
		n := Normalize(&s)
		if !scenarioEqual(again, n) {
			t.Fatalf("re-encoding changed the scenario")
		}
	})
}

func TestOptionPath(t *testing.T) {
	if got := OptionPath(12, "accelerator.memory_gb"); got != "options[12].accelerator.memory_gb" {
		t.Errorf("OptionPath = %q", got)
	}
	for _, tc := range []struct {
		path string
		i    int
		key  string
		ok   bool
	}{
		{"options[0].hourly_rate", 0, "hourly_rate", true},
		{"options[12].accelerator.memory_gb", 12, "accelerator.memory_gb", true},
		{"workload.requests_per_day", 0, "", false},
		{"options[x].label", 0, "", false},
		{"options[-1].label", 0, "", false},
		{"options[1].", 0, "", false},
		{"options[1]", 0, "", false},
		{"options", 0, "", false},
	} {
		i, key, ok := SplitOptionPath(tc.path)
		if ok != tc.ok || (ok && (i != tc.i || key != tc.key)) {
			t.Errorf("SplitOptionPath(%q) = %d, %q, %v", tc.path, i, key, ok)
		}
	}
}

// TestLinksDocListsEveryKey: docs/links.md's key table names every link
// key of the field registry in backquotes, and its title the format
// version the engine writes.
func TestLinksDocListsEveryKey(t *testing.T) {
	b, err := os.ReadFile("../docs/links.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	// The key table: from its heading to the line after it.
	_, table, ok := strings.Cut(doc, "Keys (the `Link` column of `engine/fields.go`):")
	table, _, _ = strings.Cut(table, "A key is never reused")
	if !ok {
		t.Fatal("docs/links.md has no key table")
	}
	var fields []Field
	for _, f := range WorkloadFields {
		fields = append(fields, f.Field)
	}
	for _, f := range ModelFields {
		fields = append(fields, f.Field)
	}
	for _, f := range AcceleratorFields {
		fields = append(fields, f.Field)
	}
	for _, f := range RevenueFields {
		fields = append(fields, f.Field)
	}
	for _, f := range OptionFields {
		fields = append(fields, f.Field)
	}
	for _, f := range fields {
		if f.Link != "" && !strings.Contains(table, "`"+f.Link+"`") {
			t.Errorf("docs/links.md's key table does not list the link key `%s` (%s)", f.Link, f.Key)
		}
	}
	if !strings.Contains(doc, "# Scenario links (format version "+strconv.Itoa(LinkVersion)+")") {
		t.Errorf("docs/links.md's title does not say format version %d", LinkVersion)
	}
}
