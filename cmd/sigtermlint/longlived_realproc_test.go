package main

// TestLongLivedRealProcess runs the two programs of testdata/longlived,
// built on the real gorilla/websocket, and shows what the
// hijacked-not-closed and stream-blocks-drain rules say happens at run
// time: with a websocket and a server-sent events stream open, SIGTERM,
// then the time until the process exits and what the websocket client
// saw.
//
//   - stuck stops with only http.Server.Shutdown and a 3s deadline.
//     Shutdown does not close hijacked connections: the websocket is cut
//     without a close frame when the process exits. It does not cancel
//     request contexts either: the stream keeps Shutdown waiting until
//     its deadline, and it returns "context deadline exceeded".
//   - clean cancels the request contexts on the signal (BaseContext) and
//     sends each websocket a going-away close frame (RegisterOnShutdown):
//     the client gets close code 1001, and the process exits at once.

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/sigtermlint/sigtermlint/internal/testmod"
)

// realprocWait caps every wait of the test: for the program to start,
// for an answer, for the process to exit after SIGTERM.
const realprocWait = 20 * time.Second

func TestLongLivedRealProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("real-process test: builds testdata/longlived and runs its servers; skipped with -short")
	}
	if runtime.GOOS == "windows" {
		t.Skip("real-process test: sends SIGTERM, which windows cannot deliver to a process")
	}
	// The module cache must hold gorilla/websocket: env() turns the
	// module proxy off.
	dir := testmod.Module(t, filepath.Join("..", ".."), "longlived")
	bins := t.TempDir()
	build := exec.Command(goTool(t), "build", "-buildvcs=false", "-o", bins+string(filepath.Separator), "./stuck", "./clean")
	build.Dir = dir
	build.Env = append(env(), "PWD="+dir)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build in %s: %v\n%s", dir, err, out)
	}

	t.Run("stuck", func(t *testing.T) {
		s := stopServer(t, filepath.Join(bins, "stuck"))
		if s.closeFrame {
			t.Errorf("websocket got a close frame (code %d): want the connection cut without one", s.closeCode)
		}
		if s.exitAfter < 2500*time.Millisecond {
			t.Errorf("process exited %v after SIGTERM: want Shutdown to wait about its 3s deadline for the stream", s.exitAfter)
		}
		if !strings.Contains(s.stderr, "shutdown: context deadline exceeded") {
			t.Errorf("stderr does not say the shutdown deadline was exceeded:\n%s", s.stderr)
		}
	})

	t.Run("clean", func(t *testing.T) {
		s := stopServer(t, filepath.Join(bins, "clean"))
		if !s.closeFrame {
			t.Errorf("websocket ended (%v) without a close frame: want code 1001", s.wsEnd)
		} else if s.closeCode != 1001 {
			t.Errorf("websocket close code %d, want 1001 (going away)", s.closeCode)
		}
		if s.exitAfter >= 2*time.Second {
			t.Errorf("process exited %v after SIGTERM: want well under the 3s deadline", s.exitAfter)
		}
		if s.stderr != "" {
			t.Errorf("unexpected stderr:\n%s", s.stderr)
		}
	})
}

// stopped is what happened when a server of testdata/longlived was sent
// SIGTERM with a websocket and an event stream open.
type stopped struct {
	exitAfter  time.Duration // from SIGTERM to the process's exit
	closeFrame bool          // whether the websocket got a close frame
	closeCode  int           // its status code, 0 if it had none
	wsEnd      error         // what ended the websocket: io.EOF, a reset
	wsEndAfter time.Duration // from SIGTERM to the end of the websocket
	ticks      int           // events received after SIGTERM
	sseEnd     error         // what ended the stream: nil for a clean end
	stderr     string
}

// TestLongLivedLint runs the command on the programs of
// TestLongLivedRealProcess, standalone and under go vet (where the facts
// about gorilla/websocket come from another process): stuck gets both
// findings at its Shutdown call, with the upgrade and the streaming loop
// as related information; clean gets none.
func TestLongLivedLint(t *testing.T) {
	bin := sigtermlint(t)
	dir := testmod.Module(t, filepath.Join("..", ".."), "longlived")
	src, err := os.ReadFile(filepath.Join(dir, "stuck", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	lineOf := func(marker, next string) string {
		for i, l := range lines[:len(lines)-1] {
			if strings.Contains(l, marker) && strings.Contains(lines[i+1], next) {
				return fmt.Sprintf("stuck/main.go:%d", i+1)
			}
		}
		t.Fatalf("no line with %q (followed by %q) in stuck/main.go", marker, next)
		return ""
	}
	shutdownAt, upgradeAt, loopAt := lineOf("// SHUTDOWN", ""), lineOf("upgrader.Upgrade(", ""), lineOf("for {", "select {")
	check := func(t *testing.T, byPkg map[string][]jsonDiag) {
		var stuck, clean []jsonDiag
		for pkg, diags := range byPkg {
			switch {
			case strings.HasSuffix(pkg, "/stuck") || pkg == "longlived/stuck":
				stuck = append(stuck, diags...)
			case strings.HasSuffix(pkg, "/clean") || pkg == "longlived/clean":
				clean = append(clean, diags...)
			}
		}
		if len(clean) != 0 {
			t.Errorf("clean: want no findings, got %+v", clean)
		}
		got := map[string]jsonDiag{}
		for _, d := range stuck {
			got[d.Category] = d
		}
		if len(stuck) != 2 {
			t.Errorf("stuck: want 2 findings, got %+v", stuck)
		}
		for _, cat := range []string{"hijacked-not-closed", "stream-blocks-drain"} {
			d, ok := got[cat]
			if !ok {
				t.Errorf("stuck: no %s finding in %+v", cat, stuck)
				continue
			}
			if !strings.HasPrefix(d.Posn, shutdownAt+":") {
				t.Errorf("stuck: %s at %s, want the Shutdown call at %s", cat, d.Posn, shutdownAt)
			}
			if len(d.Related) != 1 {
				t.Errorf("stuck: %s: want one related location, got %+v", cat, d.Related)
			}
		}
		if d, ok := got["hijacked-not-closed"]; ok && len(d.Related) == 1 && !strings.HasPrefix(d.Related[0].Posn, upgradeAt+":") {
			t.Errorf("hijacked-not-closed: related at %s, want the upgrade at %s", d.Related[0].Posn, upgradeAt)
		}
		if d, ok := got["stream-blocks-drain"]; ok && len(d.Related) == 1 && !strings.HasPrefix(d.Related[0].Posn, loopAt+":") {
			t.Errorf("stream-blocks-drain: related at %s, want the streaming loop at %s", d.Related[0].Posn, loopAt)
		}
	}
	t.Run("standalone", func(t *testing.T) {
		r := run(t, dir, bin, "-json", "./stuck", "./clean")
		if r.code != 0 {
			t.Fatalf("want exit 0 with -json, got\n%s", r)
		}
		var obj map[string]map[string]json.RawMessage
		if err := json.Unmarshal([]byte(r.stdout), &obj); err != nil {
			t.Fatalf("stdout is not JSON: %v\n%s", err, r)
		}
		check(t, jsonFindings(t, dir, obj))
	})
	t.Run("vet", func(t *testing.T) {
		r := run(t, dir, goTool(t), "vet", "-vettool="+bin, "-json", "./stuck", "./clean")
		if r.code != 0 {
			t.Fatalf("want exit 0, got\n%s", r)
		}
		check(t, vetJSONFindings(t, dir, r.stdout))
	})
}

// stopServer starts the program bin, opens a websocket and an event
// stream, sends the process SIGTERM, and reports what followed. The
// process must exit on its own, with status 0.
func stopServer(t *testing.T, bin string) stopped {
	t.Helper()
	cmd := exec.Command(bin)
	cmd.Env = env()
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	// The program's stdout is a pipe of the test's own, which the test
	// reads from, so that Wait does not wait for it.
	stdout, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stdout.Close() })
	cmd.Stdout = w
	err = cmd.Start()
	w.Close()
	if err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{}) // closed when Wait has returned
	var exitErr error
	var exitedAt time.Time
	go func() {
		exitErr = cmd.Wait()
		exitedAt = time.Now()
		close(exited)
	}()
	t.Cleanup(func() {
		select {
		case <-exited:
		default:
			cmd.Process.Kill()
			<-exited
		}
	})

	addr := listenAddr(t, stdout, &stderr)
	t.Logf("%s listening on %s", filepath.Base(bin), addr)

	ws, wsr := dialWebsocket(t, addr)
	t.Cleanup(func() { ws.Close() })
	// One message there and back: the handler is in its read loop.
	if err := writeClientFrame(ws, opText, []byte("hello")); err != nil {
		t.Fatalf("websocket write: %v", err)
	}
	ws.SetReadDeadline(time.Now().Add(realprocWait))
	if _, op, payload, err := readFrame(wsr); err != nil || op != opText || string(payload) != "hello" {
		t.Fatalf("websocket echo: got opcode %#x %q, %v; want the text frame \"hello\"", op, payload, err)
	}

	sse := openStream(t, addr)

	// SIGTERM, then the websocket's frames and the stream's events until
	// they end, and the process's exit.
	sigAt := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatalf("SIGTERM: %v", err)
	}
	var s stopped
	var wg sync.WaitGroup
	wg.Go(func() {
		ws.SetReadDeadline(time.Now().Add(realprocWait))
		for {
			_, op, payload, err := readFrame(wsr)
			if err != nil {
				s.wsEnd, s.wsEndAfter = err, time.Since(sigAt)
				return
			}
			if op == opClose {
				s.closeFrame = true
				if len(payload) >= 2 {
					s.closeCode = int(binary.BigEndian.Uint16(payload))
				}
			}
		}
	})
	wg.Go(func() {
		s.ticks, s.sseEnd = sse.drain()
	})

	select {
	case <-exited:
		s.exitAfter = exitedAt.Sub(sigAt)
		if exitErr != nil {
			t.Errorf("process exit: %v, want status 0", exitErr)
		}
	case <-time.After(realprocWait):
		t.Fatalf("process still running %v after SIGTERM; stderr:\n%s", realprocWait, stderr.String())
	}
	// The process is gone: both connections end now, if not before.
	wg.Wait()
	s.stderr = stderr.String()

	t.Logf("exited %v after SIGTERM; websocket: close frame %v (code %d), ended %v after SIGTERM by %v; stream: %d events after SIGTERM, ended by %v",
		s.exitAfter.Round(time.Millisecond), s.closeFrame, s.closeCode, s.wsEndAfter.Round(time.Millisecond), s.wsEnd, s.ticks, s.sseEnd)
	if s.stderr != "" {
		t.Logf("stderr:\n%s", s.stderr)
	}
	return s
}

// listenAddr reads the program's "listening on ADDR" line.
func listenAddr(t *testing.T, stdout io.Reader, stderr *lockedBuffer) string {
	t.Helper()
	line := make(chan string, 1)
	go func() {
		br := bufio.NewReader(stdout)
		l, _ := br.ReadString('\n')
		line <- l
		io.Copy(io.Discard, br)
	}()
	select {
	case l := <-line:
		addr, ok := strings.CutPrefix(strings.TrimSpace(l), "listening on ")
		if !ok {
			t.Fatalf("first line of stdout %q, want \"listening on ADDR\"; stderr:\n%s", l, stderr.String())
		}
		return addr
	case <-time.After(realprocWait):
		t.Fatalf("no \"listening on\" line after %v; stderr:\n%s", realprocWait, stderr.String())
		return ""
	}
}

// lockedBuffer is a bytes.Buffer that the copy of the process's stderr
// writes while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// WebSocket opcodes (RFC 6455, section 5.2).
const (
	opText  = 0x1
	opClose = 0x8
)

// dialWebsocket opens a websocket to addr's /ws: the opening handshake
// of RFC 6455, section 4, over a plain TCP connection. It returns the
// connection and the reader that holds what the server sent after its
// 101 response.
func dialWebsocket(t *testing.T, addr string) (net.Conn, *bufio.Reader) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, realprocWait)
	if err != nil {
		t.Fatalf("websocket dial: %v", err)
	}
	nonce := make([]byte, 16)
	rand.Read(nonce)
	key := base64.StdEncoding.EncodeToString(nonce)
	conn.SetDeadline(time.Now().Add(realprocWait))
	fmt.Fprintf(conn, "GET /ws HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n", addr, key)
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		conn.Close()
		t.Fatalf("websocket handshake: %v", err)
	}
	sum := sha1.Sum([]byte(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"))
	if resp.StatusCode != http.StatusSwitchingProtocols || resp.Header.Get("Sec-WebSocket-Accept") != base64.StdEncoding.EncodeToString(sum[:]) {
		conn.Close()
		t.Fatalf("websocket handshake: got %s, Sec-WebSocket-Accept %q; want 101 and the key's accept value", resp.Status, resp.Header.Get("Sec-WebSocket-Accept"))
	}
	conn.SetDeadline(time.Time{})
	return conn, br
}

// writeClientFrame writes one final frame of a short payload, masked as
// a client must mask its frames.
func writeClientFrame(w io.Writer, op byte, payload []byte) error {
	if len(payload) > 125 {
		return errors.New("payload too long for a one-byte length")
	}
	var mask [4]byte
	rand.Read(mask[:])
	frame := append([]byte{0x80 | op, 0x80 | byte(len(payload))}, mask[:]...)
	for i, b := range payload {
		frame = append(frame, b^mask[i%4])
	}
	_, err := w.Write(frame)
	return err
}

// readFrame reads one frame from a server: unmasked, with a length of 7
// bits, or 16 or 64 bits after the marker 126 or 127.
func readFrame(r *bufio.Reader) (fin bool, op byte, payload []byte, err error) {
	var head [2]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return false, 0, nil, err
	}
	fin, op = head[0]&0x80 != 0, head[0]&0x0f
	if head[1]&0x80 != 0 {
		return fin, op, nil, errors.New("masked frame from the server")
	}
	n := uint64(head[1] & 0x7f)
	switch n {
	case 126:
		var ext [2]byte
		if _, err := io.ReadFull(r, ext[:]); err != nil {
			return fin, op, nil, err
		}
		n = uint64(binary.BigEndian.Uint16(ext[:]))
	case 127:
		var ext [8]byte
		if _, err := io.ReadFull(r, ext[:]); err != nil {
			return fin, op, nil, err
		}
		n = binary.BigEndian.Uint64(ext[:])
	}
	if n > 1<<20 {
		return fin, op, nil, fmt.Errorf("frame of %d bytes: more than this test expects", n)
	}
	payload = make([]byte, n)
	if _, err := io.ReadFull(r, payload); err != nil {
		return fin, op, nil, err
	}
	return fin, op, payload, nil
}

// eventStream is an open GET /events.
type eventStream struct {
	resp *http.Response
	r    *bufio.Reader
}

// openStream requests addr's /events and reads its first event.
func openStream(t *testing.T, addr string) *eventStream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, "GET", "http://"+addr+"/events", nil)
	if err != nil {
		t.Fatal(err)
	}
	// The stream has no end to wait for: the timer cancels the request
	// if the first event does not come in time.
	timer := time.AfterFunc(realprocWait, cancel)
	defer timer.Stop()
	resp, err := (&http.Client{Transport: &http.Transport{}}).Do(req)
	if err != nil {
		t.Fatalf("GET /events: %v", err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("GET /events: %s, Content-Type %q; want 200 and text/event-stream", resp.Status, resp.Header.Get("Content-Type"))
	}
	s := &eventStream{resp: resp, r: bufio.NewReader(resp.Body)}
	for {
		line, err := s.r.ReadString('\n')
		if err != nil {
			t.Fatalf("GET /events: no event before %v", err)
		}
		if strings.HasPrefix(line, "data:") {
			return s
		}
	}
}

// drain reads the stream to its end, counting the events. Its error is
// nil when the server ended the response, not when the connection was
// cut.
func (s *eventStream) drain() (events int, err error) {
	for {
		line, err := s.r.ReadString('\n')
		if err == io.EOF {
			return events, nil
		}
		if err != nil {
			return events, err
		}
		if strings.HasPrefix(line, "data:") {
			events++
		}
	}
}
