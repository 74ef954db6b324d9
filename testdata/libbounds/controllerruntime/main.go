// controller-runtime's manager gives its runnables GracefulShutdownTimeout,
// 30s unless manager.Options sets it, once the context of Start is done.
package main

//sigtermlint:stop-timeout 5s

import (
	"context"
	"os"
	"time"

	"k8s.io/utils/ptr"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/manager"
)

func main() {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	if err != nil {
		os.Exit(1)
	}
	if err := mgr.Start(ctrl.SetupSignalHandler()); err != nil { // want `shutdown may take 30s but the stop timeout is 5s`
		os.Exit(1)
	}
}

// configured stops within the stop timeout.
func configured() error {
	opts := manager.Options{GracefulShutdownTimeout: ptr.To(3 * time.Second)}
	mgr, err := manager.New(ctrl.GetConfigOrDie(), opts)
	if err != nil {
		return err
	}
	return mgr.Start(ctrl.SetupSignalHandler())
}

// forever waits for its runnables without a deadline.
func forever() error {
	mgr, err := manager.New(ctrl.GetConfigOrDie(), manager.Options{GracefulShutdownTimeout: ptr.To(time.Duration(-1))})
	if err != nil {
		return err
	}
	return mgr.Start(ctrl.SetupSignalHandler()) // want `controller-runtime's graceful shutdown has no deadline \(manager\.Options\.GracefulShutdownTimeout is negative\): a stuck runnable holds the drain until SIGKILL`
}

// unresolved cannot be known: nothing is said.
func unresolved(ctx context.Context, d time.Duration) {
	grace := 3 * time.Second
	a, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{GracefulShutdownTimeout: &grace})
	_ = a.Start(ctx)

	opts := ctrl.Options{}
	opts.GracefulShutdownTimeout = ptr.To(time.Minute)
	b, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), opts)
	_ = b.Start(ctx)

	c, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{GracefulShutdownTimeout: ptr.To(d)})
	_ = c.Start(ctx)
}
