package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/reuters"
)

// TestNotRegular names a FIFO (with no writer, which an open for reading
// would wait on for ever) and a device directly: Expand refuses them with
// an error naming the input, and so does Read if given one anyway.
func TestNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "f.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	zero := filepath.Join(dir, "z.jsonl")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		inputs, errs := Expand([]string{fifo, zero, "/dev/null"})
		if len(inputs) != 0 || len(errs) != 3 {
			t.Errorf("Expand: %d inputs, errors %v; want none and 3 errors", len(inputs), errs)
		}
		for _, err := range errs {
			if !errors.Is(err, ErrNotRegular) {
				t.Errorf("Expand error %v, want ErrNotRegular", err)
			}
		}
		for _, in := range []Input{{Name: fifo, Kind: KindText}, {Name: zero, Kind: KindJSONL}, {Name: zero, Kind: KindReuters}, {Name: fifo, Kind: KindFeed}} {
			_, _, err := collect(t, &Reader{}, in)
			if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), in.Name) {
				t.Errorf("Read(%s as %s) = %v, want ErrNotRegular naming it", in.Name, in.Kind, err)
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("reading a FIFO or /dev/zero did not return in 10 s")
	}
}

// TestJSONLByteOrderMark: a UTF-8 byte order mark before the first JSON
// line is dropped, in JSON Lines and in a news-please file.
func TestJSONLByteOrderMark(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "bom.jsonl")
	body := "\xef\xbb\xbf" + `{"text":"first line"}` + "\n" + `{"text":"second line"}` + "\n"
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, fails, err := collect(t, &Reader{}, Input{Name: p, Kind: KindJSONL})
	if err != nil || len(fails) != 0 || len(docs) != 2 || string(docs[0].Body) != "first line" {
		t.Errorf("docs %d (%v), fails %v, err %v", len(docs), docs, fails, err)
	}
	if _, err := ParseNewsPlease([]byte("\xef\xbb\xbf"+`{"maintext":"x"}`), "np.json"); err != nil {
		t.Errorf("news-please with a BOM: %v", err)
	}
}

// TestReadReutersStreams: a .sgm record over the size limit is reported
// and skipped, and the record after it is still read (the previous reader
// cut the file at 1 GiB and lost what followed).
func TestReadReutersStreams(t *testing.T) {
	rec := func(id, body string) string {
		return `<REUTERS NEWID="` + id + `"><DATE>2-MAR-1987</DATE><TEXT><TITLE>T` + id +
			"</TITLE><BODY>" + body + "</BODY></TEXT></REUTERS>\n"
	}
	p := filepath.Join(t.TempDir(), "x.sgm")
	body := rec("1", "A small record.") + rec("2", strings.Repeat("Words of a huge record. ", 10_000)) + rec("3", "The record after it.")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, fails, err := collect(t, &Reader{MaxBytes: 4096}, Input{Name: p, Kind: KindReuters})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range docs {
		names = append(names, d.Name)
	}
	if got, want := strings.Join(names, " "), p+"#1 "+p+"#3"; got != want {
		t.Errorf("docs %s, want %s", got, want)
	}
	if len(fails) != 1 || !errors.Is(fails[0], reuters.ErrTooLarge) || !strings.Contains(fails[0].Error(), p) {
		t.Errorf("fails = %v, want one ErrTooLarge naming the file", fails)
	}
}
