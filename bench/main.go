// Command bench measures what sigtermlint costs beyond the floor of
// loading and type-checking, and against staticcheck:
//
//	A: sigtermlint std cmd            vs  the no-op analyzer (bench/noop -noopfacts), same driver
//	B: go vet -vettool=sigtermlint    vs  go vet -vettool=noop, on testdata/frameworks
//	C: sigtermlint std                vs  staticcheck std
//
// and the size of the facts sigtermlint writes per package under go vet
// (the facts part of the .vetx files, vet.out in go's work directory;
// the rest of each file is the package's types, which the driver writes
// for any tool).
//
// Each pair runs -n times, interleaved (floor first on odd repetitions,
// the tool first on even ones) after one warm-up of each; it prints wall
// time, CPU time (user+system) and peak RSS of each run's largest
// process, their medians, and the median of the pair-by-pair ratios.
// Run it on a quiet machine:
//
//	go run ./bench            # all of A, B, C and the fact sizes
//	go run ./bench -n 3 -only A,facts
//
// go vet caches results keyed by the tool's flags, so every go vet run
// passes a flag value of its own (a stop timeout of 30s+rep for
// sigtermlint, -noop.rep for the floor); staticcheck gets an empty cache
// directory per run (sigtermlint keeps no cache).
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"syscall"
	"time"
)

var (
	reps       = flag.Int("n", 5, "repetitions of each pair")
	only       = flag.String("only", "A,B,C,facts", "comma-separated parts to run")
	staticVer  = flag.String("staticcheck", "v0.8.2", "version of honnef.co/go/tools/cmd/staticcheck to go install")
	keepOutput = flag.Bool("v", false, "print each run's stderr tail")
)

// sample is one run's cost.
type sample struct {
	wall, cpu time.Duration
	rssKiB    int64
}

func main() {
	flag.Parse()
	root, err := moduleRoot()
	check(err)
	tmp, err := os.MkdirTemp("", "sigtermlint-bench-")
	check(err)
	defer os.RemoveAll(tmp)

	fmt.Printf("sigtermlint bench: %s %s/%s, %d CPUs, n=%d, %s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), *reps, time.Now().UTC().Format("2006-01-02"))
	if cpu := cpuModel(); cpu != "" {
		fmt.Println("cpu:", cpu)
	}
	tool := filepath.Join(tmp, "sigtermlint")
	noop := filepath.Join(tmp, "noop")
	build(root, tool, "./cmd/sigtermlint")
	build(root, noop, "./bench/noop")
	parts := strings.Split(*only, ",")
	frameworks := filepath.Join(root, "testdata", "frameworks")

	if slices.Contains(parts, "A") {
		pair("A: sigtermlint std cmd vs no-op, same checker", root,
			func(int) []string { return []string{noop, "-noopfacts", "std", "cmd"} },
			func(int) []string { return []string{tool, "std", "cmd"} },
			"no-op", "sigtermlint", nil)
	}
	if slices.Contains(parts, "B") {
		gocmd := goTool()
		// The flag values change from run to run, and from one bench to
		// the next (go vet's cache outlives the bench, and the no-op
		// binary is the same build from one bench to the next): a
		// nanosecond count of its own for this bench.
		nonce := time.Now().UnixNano() % 1e9
		pair("B: go vet -vettool on testdata/frameworks", frameworks,
			func(i int) []string {
				return []string{gocmd, "vet", "-vettool=" + noop, fmt.Sprintf("-noop.rep=%d-%d", nonce, i), "./..."}
			},
			func(i int) []string {
				return []string{gocmd, "vet", "-vettool=" + tool, fmt.Sprintf("-sigtermlint.stop-timeout=%dns", 30*int64(time.Second)+nonce*10+int64(i)+1), "./..."}
			},
			"vet no-op", "vet sigtermlint", nil)
	}
	if slices.Contains(parts, "C") {
		static := installStaticcheck(tmp)
		pair("C: sigtermlint std vs staticcheck std", root,
			func(int) []string { return []string{static, "std"} },
			func(int) []string { return []string{tool, "std"} },
			"staticcheck", "sigtermlint",
			func(i int) []string {
				return []string{"STATICCHECK_CACHE=" + filepath.Join(tmp, fmt.Sprintf("staticcheck-cache-%d", i))}
			})
	}
	if slices.Contains(parts, "facts") {
		factSizes(frameworks, tool)
	}
}

// pair runs floor and tool n times each, interleaved, and prints the
// table. env adds environment variables to the floor's runs.
func pair(title, dir string, floor, tool func(int) []string, floorName, toolName string, floorEnv func(int) []string) {
	fmt.Printf("\n%s (in %s)\n", title, dir)
	noEnv := func(int) []string { return nil }
	if floorEnv == nil {
		floorEnv = noEnv
	}
	// Warm-up: the go command's build cache, the file cache.
	measure(dir, floor(-1), floorEnv(-1))
	measure(dir, tool(-1), nil)
	var fs, ts []sample
	for i := 0; i < *reps; i++ {
		var f, t sample
		if i%2 == 0 {
			f = measure(dir, floor(i), floorEnv(i))
			t = measure(dir, tool(i), nil)
		} else {
			t = measure(dir, tool(i), nil)
			f = measure(dir, floor(i), floorEnv(i))
		}
		fs, ts = append(fs, f), append(ts, t)
		fmt.Printf("  rep %d: %-15s wall %6.2fs cpu %6.2fs rss %5d MiB | %-15s wall %6.2fs cpu %6.2fs rss %5d MiB\n", i+1,
			floorName, f.wall.Seconds(), f.cpu.Seconds(), f.rssKiB>>10,
			toolName, t.wall.Seconds(), t.cpu.Seconds(), t.rssKiB>>10)
	}
	ratio := func(get func(sample) float64) float64 {
		var rs []float64
		for i := range fs {
			rs = append(rs, get(ts[i])/get(fs[i]))
		}
		return median(rs)
	}
	med := func(s []sample, get func(sample) float64) float64 {
		var xs []float64
		for _, x := range s {
			xs = append(xs, get(x))
		}
		return median(xs)
	}
	wall := func(s sample) float64 { return s.wall.Seconds() }
	cpu := func(s sample) float64 { return s.cpu.Seconds() }
	rss := func(s sample) float64 { return float64(s.rssKiB) / 1024 }
	fmt.Printf("  median %-15s wall %6.2fs cpu %6.2fs rss %5.0f MiB\n", floorName, med(fs, wall), med(fs, cpu), med(fs, rss))
	fmt.Printf("  median %-15s wall %6.2fs cpu %6.2fs rss %5.0f MiB\n", toolName, med(ts, wall), med(ts, cpu), med(ts, rss))
	fmt.Printf("  ratio %s/%s (median of pairs): wall %.3fx cpu %.3fx rss %.3fx\n", toolName, floorName, ratio(wall), ratio(cpu), ratio(rss))
}

// measure runs args in dir and returns its cost. Exit status 0 and 3
// (sigtermlint's findings), and 1 from go vet or staticcheck with
// findings, are fine; a panic, an internal error or another status stops
// the bench.
func measure(dir string, args, env []string) sample {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stdout = &stderr
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	out := stderr.String()
	if strings.Contains(out, "panic:") || strings.Contains(out, "internal error") {
		fail("%s: %s", strings.Join(args, " "), tail(out))
	}
	if err != nil {
		code := -1
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
		// go vet and staticcheck exit 1 with findings (staticcheck finds
		// some in std); sigtermlint exits 3.
		findings1 := len(args) > 1 && args[1] == "vet" || filepath.Base(args[0]) == "staticcheck"
		if !(code == 3 || findings1 && code == 1) {
			fail("%s: exit %d: %s", strings.Join(args, " "), code, tail(out))
		}
	}
	if *keepOutput {
		fmt.Fprintf(os.Stderr, "$ %s\n%s\n", strings.Join(args, " "), tail(out))
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return sample{
		wall:   wall,
		cpu:    cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(),
		rssKiB: ru.Maxrss, // Linux: KiB, of the largest process in the tree
	}
}

// factSizes runs go vet -work with sigtermlint on dir and prints the
// sizes of the vet.out (facts) files it wrote, one per package vetted
// (the standard library's included).
func factSizes(dir, tool string) {
	fmt.Printf("\nfacts: .vetx (vet.out) sizes under go vet -vettool=sigtermlint, testdata/frameworks and its dependencies\n")
	cmd := exec.Command(goTool(), "vet", "-work", "-vettool="+tool, fmt.Sprintf("-sigtermlint.stop-timeout=%ds", 1000+time.Now().Second()), "./...")
	cmd.Dir = dir
	out, _ := cmd.CombinedOutput()
	work := ""
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if w, ok := strings.CutPrefix(sc.Text(), "WORK="); ok {
			work = w
		}
	}
	if work == "" {
		fail("go vet -work printed no WORK directory:\n%s", tail(string(out)))
	}
	defer os.RemoveAll(work)
	// x/tools' unitchecker writes "vetx", two little-endian uint32
	// lengths, the package's types (export data, written whatever the
	// analyzers do), then the facts: only the facts are sigtermlint's.
	type file struct {
		pkg          string
		types, facts int64
	}
	var files []file
	filepath.WalkDir(work, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "vet.out" {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil || len(data) < 12 || string(data[:4]) != "vetx" {
			return nil
		}
		files = append(files, file{
			pkg:   importPath(filepath.Join(filepath.Dir(p), "vet.cfg")),
			types: int64(binary.LittleEndian.Uint32(data[4:8])),
			facts: int64(binary.LittleEndian.Uint32(data[8:12])),
		})
		return nil
	})
	if len(files) == 0 {
		fail("no vet.out files under %s", work)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].facts < files[j].facts })
	var factSizes, typeSizes []float64
	withFacts := 0
	var total int64
	for _, f := range files {
		factSizes = append(factSizes, float64(f.facts))
		typeSizes = append(typeSizes, float64(f.types))
		total += f.facts
		if f.facts > 0 {
			withFacts++
		}
	}
	fmt.Printf("  packages %d, with facts %d; facts: median %.0f B, total %d B; types part (the driver's, for scale): median %.0f B\n",
		len(files), withFacts, median(factSizes), total, median(typeSizes))
	fmt.Printf("  largest facts:\n")
	for i := len(files) - 1; i >= 0 && i >= len(files)-5; i-- {
		fmt.Printf("    %7d B  %s\n", files[i].facts, files[i].pkg)
	}
}

// importPath reads the ImportPath of a go vet config file.
func importPath(cfg string) string {
	data, err := os.ReadFile(cfg)
	if err != nil {
		return "?"
	}
	const key = `"ImportPath": "`
	if i := bytes.Index(data, []byte(key)); i >= 0 {
		rest := data[i+len(key):]
		if j := bytes.IndexByte(rest, '"'); j >= 0 {
			return string(rest[:j])
		}
	}
	return "?"
}

func installStaticcheck(tmp string) string {
	bin := filepath.Join(tmp, "bin")
	cmd := exec.Command(goTool(), "install", "honnef.co/go/tools/cmd/staticcheck@"+*staticVer)
	cmd.Env = append(os.Environ(), "GOBIN="+bin)
	if out, err := cmd.CombinedOutput(); err != nil {
		fail("go install staticcheck: %v\n%s", err, out)
	}
	return filepath.Join(bin, "staticcheck")
}

func build(root, out, pkg string) {
	cmd := exec.Command(goTool(), "build", "-o", out, pkg)
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err != nil {
		fail("go build %s: %v\n%s", pkg, err, b)
	}
}

// goTool is the go command on PATH: the one `go run ./bench` runs under
// when started from a shell.
func goTool() string { return "go" }

func moduleRoot() (string, error) {
	out, err := exec.Command(goTool(), "env", "GOMOD").Output()
	if err != nil {
		return "", err
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", fmt.Errorf("run the bench inside the sigtermlint module")
	}
	return filepath.Dir(mod), nil
}

func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	for _, l := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func tail(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > 15 {
		lines = lines[len(lines)-15:]
	}
	return strings.Join(lines, "\n")
}

func check(err error) {
	if err != nil {
		fail("%v", err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
	os.Exit(1)
}
