package shutdown_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
)

func TestLLTmp(t *testing.T) {
	analysistest.Run(t, testdata(t), shutdown.New(), "hijacked-not-closed/...", "stream-blocks-drain/...")
}
