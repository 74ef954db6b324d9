// Command echogorillaclean is echogorilla with the websockets told: a
// function registered on echo's *http.Server with RegisterOnShutdown
// sends each open connection a 1001 Going Away close frame and closes it,
// so clients reconnect cleanly.
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/gorilla/websocket"
	"github.com/labstack/echo/v4"
)

var upgrader = websocket.Upgrader{}

var (
	mu    sync.Mutex
	conns = map[*websocket.Conn]bool{}
)

func closeAll() {
	mu.Lock()
	defer mu.Unlock()
	for c := range conns {
		c.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseGoingAway, ""), time.Now().Add(time.Second))
		c.Close()
	}
}

func chat(c echo.Context) error {
	conn, err := upgrader.Upgrade(c.Response(), c.Request(), nil)
	if err != nil {
		return err
	}
	mu.Lock()
	conns[conn] = true
	mu.Unlock()
	defer func() {
		mu.Lock()
		delete(conns, conn)
		mu.Unlock()
		conn.Close()
	}()
	for {
		if _, _, err := conn.ReadMessage(); err != nil {
			return nil
		}
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	e := echo.New()
	e.GET("/chat", chat)
	e.Server.RegisterOnShutdown(closeAll)
	go func() {
		if err := e.Start(":8080"); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := e.Shutdown(shutdownCtx); err != nil {
		log.Print(err)
	}
}
