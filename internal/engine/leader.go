package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// Leader is the lock that makes one process at a time the analyser of a
// database: the cross-article step (duplicates, stories, storylines, the
// entity registry) keeps its memory in one process and must see every
// article once, in one order, so two processes running it over the same
// pending articles would each put them in a story of their own.
//
// Implementations: fileLeader (SQLite, a lock on a file beside the
// database) and pgLeader (PostgreSQL, a session advisory lock on a
// connection of its own). Both are released by the operating system or the
// server when the holding process dies, however it dies, so a SIGKILLed
// leader is replaced as soon as another process asks.
type Leader interface {
	// TryAcquire takes the lock if it is free and reports whether this
	// process holds it now (true again when it already held it).
	TryAcquire(ctx context.Context) (bool, error)
	// Held reports whether this process holds the lock and has not lost it.
	Held() bool
	// Lost is closed when a held lock is lost (the connection that held it
	// broke); it is replaced on each TryAcquire that takes the lock.
	Lost() <-chan struct{}
	// Release gives the lock up; it does nothing when not held.
	Release()
	// Holder describes the process holding the lock, if any process does.
	Holder(ctx context.Context) (Holder, error)
	// Close releases the lock and what it holds open.
	Close() error
}

// Holder describes the process that leads the analysis of a database.
type Holder struct {
	Held    bool      `json:"held"`
	PID     int       `json:"pid,omitempty"`
	Host    string    `json:"host,omitempty"`
	Command string    `json:"command,omitempty"`
	Since   time.Time `json:"since,omitzero"`
}

func self(command string) Holder {
	host, _ := os.Hostname()
	return Holder{Held: true, PID: os.Getpid(), Host: host, Command: command, Since: time.Now().UTC()}
}

// fileLeader is the SQLite leader: an exclusive flock(2) on the file
// DB-leader beside the database. A lock on a separate file, not a row of
// the database: a row lock needs a lease and a heartbeat to notice a dead
// holder (seconds to minutes of nobody analysing, and a clock to trust),
// while the kernel drops a flock the moment its process dies. It is not
// taken on the database file itself, because SQLite's own POSIX locks on
// that file are dropped whenever any descriptor of it in the process is
// closed. The holder writes who it is into the file, for status.
type fileLeader struct {
	path    string
	command string

	mu   sync.Mutex
	f    *os.File
	lost chan struct{}
}

func newFileLeader(dbPath, command string) *fileLeader {
	return &fileLeader{path: dbPath + "-leader", command: command, lost: make(chan struct{})}
}

func (l *fileLeader) TryAcquire(context.Context) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f != nil {
		return true, nil
	}
	f, err := os.OpenFile(l.path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return false, fmt.Errorf("analysis lock %s: %w", l.path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return false, nil
		}
		return false, fmt.Errorf("analysis lock %s: %w", l.path, err)
	}
	b, _ := json.Marshal(self(l.command)) // plain fields always marshal
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt(append(b, '\n'), 0) // who holds it is for status only
	}
	l.f = f
	l.lost = make(chan struct{})
	return true, nil
}

func (l *fileLeader) Held() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f != nil
}

func (l *fileLeader) Lost() <-chan struct{} {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lost
}

func (l *fileLeader) Release() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return
	}
	// The holder's line is left: status reads it only while the file is
	// locked.
	l.f.Close() // closing the last descriptor drops the flock
	l.f = nil
}

func (l *fileLeader) Holder(context.Context) (Holder, error) {
	if l.Held() {
		return readHolder(l.path), nil
	}
	f, err := os.Open(l.path)
	if errors.Is(err, os.ErrNotExist) {
		return Holder{}, nil
	}
	if err != nil {
		return Holder{}, fmt.Errorf("analysis lock %s: %w", l.path, err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB); err == nil {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		return Holder{}, nil // nobody holds it
	}
	return readHolder(l.path), nil
}

func readHolder(path string) Holder {
	h := Holder{Held: true}
	if b, err := os.ReadFile(path); err == nil {
		_ = json.Unmarshal(b, &h) // a torn line still says it is held
		h.Held = true
	}
	return h
}

func (l *fileLeader) Close() error {
	l.Release()
	return nil
}

// pgLeader is the PostgreSQL leader: a session advisory lock, keyed by the
// database's schema, held on a connection of its own (not one of the
// pool's, which come and go). The server drops it when that connection
// ends, so a killed leader's lock goes with its TCP connection (at once on
// a kill; after the keepalive timeout if the machine vanishes). A ping
// every few seconds notices a broken connection: Lost is closed and the
// analysis it guards is cancelled.
type pgLeader struct {
	dsn     string
	command string
	ping    time.Duration

	mu     sync.Mutex
	conn   *pgx.Conn
	key    int64
	lost   chan struct{}
	stopPg chan struct{}
}

func newPgLeader(dsn, command string) *pgLeader {
	return &pgLeader{dsn: dsn, command: command, ping: 2 * time.Second, lost: make(chan struct{})}
}

// lockKey is the advisory lock key of the analyser of one schema.
func lockKey(schema string) int64 {
	h := fnv.New64a()
	h.Write([]byte("parallax analyser " + schema))
	return int64(h.Sum64())
}

func (l *pgLeader) connect(ctx context.Context) (*pgx.Conn, int64, error) {
	cfg, err := pgx.ParseConfig(l.dsn)
	if err != nil {
		return nil, 0, fmt.Errorf("analysis lock: %w", err)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	host, _ := os.Hostname()
	cfg.RuntimeParams["application_name"] = clipName(fmt.Sprintf("parallax %s leader pid %d on %s", l.command, os.Getpid(), host))
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, 0, fmt.Errorf("analysis lock: connect: %w", err)
	}
	var schema *string
	if err := conn.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil || schema == nil {
		conn.Close(context.WithoutCancel(ctx))
		if err == nil {
			err = errors.New("no current schema")
		}
		return nil, 0, fmt.Errorf("analysis lock: %w", err)
	}
	return conn, lockKey(*schema), nil
}

// clipName keeps an application_name under PostgreSQL's 63 bytes.
func clipName(s string) string {
	if len(s) > 63 {
		return s[:63]
	}
	return s
}

func (l *pgLeader) TryAcquire(ctx context.Context) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.conn != nil {
		return true, nil
	}
	conn, key, err := l.connect(ctx)
	if err != nil {
		return false, err
	}
	var ok bool
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1)`, key).Scan(&ok); err != nil {
		conn.Close(context.WithoutCancel(ctx))
		return false, fmt.Errorf("analysis lock: %w", err)
	}
	if !ok {
		conn.Close(context.WithoutCancel(ctx))
		return false, nil
	}
	l.conn, l.key = conn, key
	l.lost, l.stopPg = make(chan struct{}), make(chan struct{})
	go l.watch(conn, l.lost, l.stopPg)
	return true, nil
}

// watch pings the lock's connection until stop is closed; a failed ping
// means the lock is gone with the connection.
func (l *pgLeader) watch(conn *pgx.Conn, lost, stop chan struct{}) {
	t := time.NewTicker(l.ping)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		l.mu.Lock()
		if l.conn != conn {
			l.mu.Unlock()
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), l.ping+3*time.Second)
		err := conn.Ping(ctx)
		cancel()
		if err != nil {
			conn.Close(context.Background())
			l.conn = nil
			close(lost)
			l.mu.Unlock()
			return
		}
		l.mu.Unlock()
	}
}

func (l *pgLeader) Held() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.conn != nil
}

func (l *pgLeader) Lost() <-chan struct{} {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lost
}

func (l *pgLeader) Release() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.conn == nil {
		return
	}
	close(l.stopPg)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	// Closing the session drops the lock whatever the unlock says.
	_, _ = l.conn.Exec(ctx, `SELECT pg_advisory_unlock($1)`, l.key)
	l.conn.Close(ctx)
	l.conn = nil
}

func (l *pgLeader) Holder(ctx context.Context) (Holder, error) {
	conn, key, err := l.connect(ctx)
	if err != nil {
		return Holder{}, err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	// An advisory lock on a bigint key shows as classid (high half) and
	// objid (low half) with objsubid 1.
	var (
		pid   int32
		app   string
		since time.Time
	)
	err = conn.QueryRow(ctx, `SELECT l.pid, coalesce(a.application_name, ''), coalesce(a.backend_start, now())
		FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
		WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
		  AND l.classid::bigint = $1 AND l.objid::bigint = $2 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
		int64(uint32(uint64(key)>>32)), int64(uint32(uint64(key)))).Scan(&pid, &app, &since)
	if errors.Is(err, pgx.ErrNoRows) {
		return Holder{}, nil
	}
	if err != nil {
		return Holder{}, fmt.Errorf("analysis lock holder: %w", err)
	}
	h := Holder{Held: true, Command: app, Since: since.UTC()}
	var (
		cmd, hostName string
		p             int
	)
	if n, _ := fmt.Sscanf(app, "parallax %s leader pid %d on %s", &cmd, &p, &hostName); n == 3 {
		h.Command, h.PID, h.Host = cmd, p, hostName
	}
	return h, nil
}

func (l *pgLeader) Close() error {
	l.Release()
	return nil
}

// localLeader is the leader of a database no other process opens (the
// temporary databases of eval and bench): always free to this process.
type localLeader struct {
	mu   sync.Mutex
	held bool
	lost chan struct{}
}

func newLocalLeader() *localLeader { return &localLeader{lost: make(chan struct{})} }

func (l *localLeader) TryAcquire(context.Context) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.held = true
	return true, nil
}
func (l *localLeader) Held() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.held
}
func (l *localLeader) Lost() <-chan struct{} { return l.lost }
func (l *localLeader) Release() {
	l.mu.Lock()
	l.held = false
	l.mu.Unlock()
}
func (l *localLeader) Holder(context.Context) (Holder, error) {
	if l.Held() {
		return self("local"), nil
	}
	return Holder{}, nil
}
func (l *localLeader) Close() error { return nil }
