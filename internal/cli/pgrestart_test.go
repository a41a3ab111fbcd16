package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/engine"
)

// pgBin finds the directory of PostgreSQL's initdb and pg_ctl: on the
// PATH, or where Debian installs them.
func pgBin() string {
	if p, err := exec.LookPath("initdb"); err == nil {
		if _, err := exec.LookPath("pg_ctl"); err == nil {
			if r, err := filepath.EvalSymlinks(p); err == nil {
				return filepath.Dir(r)
			}
			return filepath.Dir(p)
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.Sort(dirs)
	for i := len(dirs) - 1; i >= 0; i-- {
		if _, err := os.Stat(filepath.Join(dirs[i], "pg_ctl")); err == nil {
			return dirs[i]
		}
	}
	return ""
}

// ownPostgres starts a PostgreSQL server of the test's own (initdb in a
// temporary folder, a Unix socket there, durability off, as .ci/run
// does; as root, run as the postgres user) and returns its URL and a
// function that restarts it (pg_ctl restart -m fast). A test that
// restarts the server cannot share the one .ci/run starts: the other
// packages' tests use it at the same time. The server is stopped when the
// test ends.
func ownPostgres(t *testing.T) (dsn string, restart func()) {
	t.Helper()
	bin := pgBin()
	if bin == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no initdb and pg_ctl under CI")
		}
		t.Skip("no initdb and pg_ctl to start a server of the test's own")
	}
	dir, err := os.MkdirTemp("", "parallax-pgown-")
	if err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) {
		t.Helper()
		var cmd *exec.Cmd
		if os.Getuid() == 0 {
			cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--"}, args...)...)
		} else {
			cmd = exec.Command(args[0], args[1:]...)
		}
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			log, _ := os.ReadFile(filepath.Join(dir, "server.log"))
			t.Fatalf("%s: %v\n%s\n%s", strings.Join(args, " "), err, out, log)
		}
	}
	if os.Getuid() == 0 {
		if err := exec.Command("chown", "postgres", dir).Run(); err != nil {
			t.Skipf("no postgres user to run the server as: %v", err)
		}
	}
	data := filepath.Join(dir, "data")
	pgCtl := filepath.Join(bin, "pg_ctl")
	t.Cleanup(func() {
		var cmd *exec.Cmd
		if os.Getuid() == 0 {
			cmd = exec.Command("runuser", "-u", "postgres", "--", pgCtl, "-D", data, "-m", "immediate", "stop")
		} else {
			cmd = exec.Command(pgCtl, "-D", data, "-m", "immediate", "stop")
		}
		_ = cmd.Run()
		os.RemoveAll(dir)
	})
	run(filepath.Join(bin, "initdb"), "-D", data, "-U", "parallax", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
	run(pgCtl, "-D", data, "-l", filepath.Join(dir, "server.log"), "-w", "-t", "60", "-o",
		"-c listen_addresses='' -c unix_socket_directories='"+dir+"' -c max_connections=100 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
		"start")
	return "postgres://parallax@/postgres?host=" + dir + "&sslmode=disable", func() {
		run(pgCtl, "-D", data, "-l", filepath.Join(dir, "server.log"), "-w", "-t", "60", "-m", "fast", "restart")
	}
}

// TestPostgresRestartedMidRun: the scale scenario (see scaleScenario) on
// a server of the test's own, restarted (pg_ctl restart -m fast: every
// connection is dropped) half way: every process reconnects and the run
// completes with nothing lost or doubled.
func TestPostgresRestartedMidRun(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a PostgreSQL server and ingests news-clusters twice with five processes")
	}
	pg, restart := ownPostgres(t)
	scaleScenario(t, pg, func(t *testing.T, _ *engine.Engine, _ []*scaleProc) *scaleProc {
		t0 := time.Now()
		restart()
		t.Logf("restarted the server in %v", time.Since(t0).Round(time.Millisecond))
		return nil
	})
}
