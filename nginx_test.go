//go:build !wasm

package main

// A real nginx for the static-hosting tests: Debian's package, started by the
// test on free local ports with a generated configuration in a directory of
// its own (no root needed), serving `unknot static` output with the server
// blocks the README documents. Without nginx the tests are skipped with a
// message, unless CI=true, where they fail.

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// nginxPath finds nginx, or skips (fails under CI=true) without one.
func nginxPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("NGINX"); p != "" {
		return p
	}
	for _, p := range []string{"/usr/sbin/nginx", "nginx"} {
		if found, err := exec.LookPath(p); err == nil {
			return found
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("the static-hosting tests need nginx and CI=true requires them: install Debian's nginx package")
	}
	t.Skip("nginx test skipped: no nginx found (install Debian's nginx package, or set NGINX)")
	return ""
}

// readmeNginx returns the README's nginx server block whose first line is
// "# <title>", so the tests run exactly the configuration people copy.
func readmeNginx(t *testing.T, title string) string {
	t.Helper()
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, block := range regexp.MustCompile("(?s)```nginx\n(.*?)```").FindAllStringSubmatch(string(b), -1) {
		if strings.HasPrefix(block[1], "# "+title+"\n") {
			return block[1]
		}
	}
	t.Fatalf("README.md has no nginx block starting with %q", "# "+title)
	return ""
}

// nginxSite is one server block with the README's placeholders replaced.
type nginxSite struct {
	Block string            // a server { … } block
	Port  int               // replaces "listen 80;"
	Paths map[string]string // documented path → test directory, e.g. "/srv/unknot" → t.TempDir()
}

func (s nginxSite) config() string {
	c := strings.Replace(s.Block, "listen 80;", fmt.Sprintf("listen 127.0.0.1:%d;", s.Port), 1)
	for from, to := range s.Paths {
		c = strings.ReplaceAll(c, from, to)
	}
	return c
}

// nginx is a running nginx process.
type nginx struct {
	dir  string
	cmd  *exec.Cmd
	done chan struct{}
	once sync.Once
}

// startNginx runs nginx in the foreground with sites, its pid file, logs and
// temporary files inside its own directory, and waits until every port
// answers. It stops with the test.
func startNginx(t *testing.T, sites ...nginxSite) *nginx {
	t.Helper()
	bin := nginxPath(t)
	dir := t.TempDir()
	mime, err := os.ReadFile("/etc/nginx/mime.types")
	if err != nil {
		t.Fatalf("nginx's mime.types: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "mime.types"), mime, 0o644); err != nil {
		t.Fatal(err)
	}
	user := ""
	if os.Geteuid() == 0 {
		user = "user root root;" // else the workers, as nobody, cannot read the test's directories
	}
	var servers []string
	for _, s := range sites {
		servers = append(servers, s.config())
	}
	conf := fmt.Sprintf(`%s
worker_processes 1;
pid %[2]s/nginx.pid;
error_log %[2]s/error.log warn;
events { worker_connections 256; }
http {
    access_log %[2]s/access.log;
    client_body_temp_path %[2]s/tmp-body;
    proxy_temp_path %[2]s/tmp-proxy;
    fastcgi_temp_path %[2]s/tmp-fastcgi;
    uwsgi_temp_path %[2]s/tmp-uwsgi;
    scgi_temp_path %[2]s/tmp-scgi;
    include mime.types;
    default_type application/octet-stream;
    sendfile on;
%s
}
`, user, dir, strings.Join(servers, "\n"))
	confPath := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "-t", "-p", dir, "-e", filepath.Join(dir, "error.log"), "-c", confPath).CombinedOutput(); err != nil {
		t.Fatalf("nginx -t: %v\n%s\n%s", err, out, conf)
	}
	cmd := exec.Command(bin, "-p", dir, "-e", filepath.Join(dir, "error.log"), "-c", confPath, "-g", "daemon off;")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	n := &nginx{dir: dir, cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); close(n.done) }()
	t.Cleanup(n.Kill)
	for _, s := range sites {
		addr := fmt.Sprintf("127.0.0.1:%d", s.Port)
		deadline := time.Now().Add(10 * time.Second)
		for {
			c, err := net.Dial("tcp", addr)
			if err == nil {
				c.Close()
				break
			}
			if time.Now().After(deadline) {
				log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
				t.Fatalf("nginx is not listening on %s: %v\n%s", addr, err, log)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	return n
}

// Kill stops nginx abruptly, master and workers (its own process group), as
// a lost server would.
func (n *nginx) Kill() {
	n.once.Do(func() {
		syscall.Kill(-n.cmd.Process.Pid, syscall.SIGKILL)
		select {
		case <-n.done:
		case <-time.After(10 * time.Second):
		}
	})
}

// freePort asks the kernel for a port that is free now.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// staticBuild writes `unknot static` output with args (e.g. -base) into dir,
// from the real web/ assets.
func staticBuild(t *testing.T, dir string, args ...string) {
	t.Helper()
	requireWasm(t)
	out, err := exec.Command(serverBinary(t), append([]string{"static", "-out", dir}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("unknot static %v: %v\n%s", args, err, out)
	}
}
