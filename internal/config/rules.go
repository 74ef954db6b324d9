package config

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sigtermlint/sigtermlint/internal/directive"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
)

// The per-rule switches, as users spell them after the analyzer's name
// (-sigtermlint.enable, -sigtermlint.disable).
const (
	FlagEnable  = "enable"
	FlagDisable = "disable"
)

// Categories lists every category a switch may name: every finding's,
// bad-directive included.
func Categories() []string {
	return append(slices.Clone(ruledoc.Ignorable()), directive.BadDirective)
}

// categoriesFlag is a comma-separated list of categories.
type categoriesFlag struct {
	set  bool
	cats []string
}

func (f *categoriesFlag) String() string { return strings.Join(f.cats, ",") }

func (f *categoriesFlag) Set(s string) error {
	cats, err := parseCategories(s)
	if err != nil {
		return err
	}
	f.set, f.cats = true, cats
	return nil
}

// parseCategories reads a comma-separated list of known categories; an
// empty list is none.
func parseCategories(s string) ([]string, error) {
	var cats []string
	for _, c := range strings.Split(s, ",") {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if !slices.Contains(Categories(), c) {
			return nil, fmt.Errorf("unknown category %q (known: %s)", c, strings.Join(Categories(), ", "))
		}
		cats = append(cats, c)
	}
	return cats, nil
}

// Enabled reports whether the findings of category are reported: it is
// in -enable when that is set, and not in -disable. Analyzers skip the
// work of the rules that are off.
func (c *Config) Enabled(category string) bool {
	if c.EnableSet && !slices.Contains(c.Enable, category) {
		return false
	}
	return !slices.Contains(c.Disable, category)
}

// AnyEnabled reports whether any of categories is enabled.
func (c *Config) AnyEnabled(categories ...string) bool {
	return slices.ContainsFunc(categories, c.Enabled)
}

// CheckArgs checks the per-rule switches of a command line the way the
// lint driver will parse them, so that an unknown category is one line
// on stderr rather than the flag package's usage dump. It reads flags up
// to the first argument that is not one.
func CheckArgs(analyzer string, args []string) error {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" || !strings.HasPrefix(a, "-") {
			return nil
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name != analyzer+"."+FlagEnable && name != analyzer+"."+FlagDisable {
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				return fmt.Errorf("flag needs an argument: -%s", name)
			}
			i++
			value = args[i]
		}
		if _, err := parseCategories(value); err != nil {
			return fmt.Errorf("invalid value %q for flag -%s: %v", value, name, err)
		}
	}
	return nil
}
