package sigterm

import (
	"fmt"
	"go/ast"
	"path/filepath"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/deploy"
	"github.com/sigtermlint/sigtermlint/internal/directive"
	"github.com/sigtermlint/sigtermlint/internal/filepos"
)

// checkDelivery reports, at func main, deployment files that start the
// program under a shell that stays PID 1: the stop signal goes to the
// shell, which as PID 1 ignores it, and the program is killed when the
// stop timeout ends. One report per program; every such file is in
// Related.
func checkDelivery(pass *analysis.Pass, cfg *config.Config, r *directive.Reporter, mainDecl *ast.FuncDecl) {
	set, root := cfg.LoadManifests(pass)
	if set == nil || mainDecl == nil {
		return
	}
	us := set.Undelivered(config.Program(pass, root))
	if len(us) == 0 {
		return
	}
	u := us[0]
	d := analysis.Diagnostic{
		Pos: mainDecl.Name.Pos(), End: mainDecl.Name.End(), Category: CategorySignalNotDelivered,
		Message: fmt.Sprintf("%s never reaches this program: %s, where it ignores %s (%s): %s and then kills the program with its requests in flight",
			u.Signal, u.Reason, u.Signal, u.Source, platformWait(u)),
	}
	for _, u := range us {
		if pos, ok := filepos.Pos(pass.Fset, filepath.Join(root, filepath.FromSlash(u.File)), u.Line); ok {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos, End: pos, Message: "the program is started under a shell here"})
		}
	}
	r.Report(d)
}

// platformWait says how long the platform waits for the program that
// never got the signal.
func platformWait(u deploy.Undelivered) string {
	switch u.Kind {
	case deploy.KindDockerfile:
		return "docker stop waits 10s"
	case deploy.KindKubernetes:
		return fmt.Sprintf("Kubernetes waits terminationGracePeriodSeconds (%s)", u.Timeout.D)
	case deploy.KindCompose:
		return fmt.Sprintf("docker compose waits stop_grace_period (%s)", u.Timeout.D)
	case deploy.KindECS:
		return fmt.Sprintf("ECS waits the stop timeout (%s)", u.Timeout.D)
	}
	return "the platform waits out its stop timeout"
}
