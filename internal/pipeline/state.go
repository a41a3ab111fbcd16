package pipeline

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/dedup"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/store"
)

// The Analyzer keeps its cross-article state in the store between runs so
// that a new process does not replay every analysed article (entity
// extraction, duplicate hashing and clustering of the whole collection)
// before it can analyse one more. Two entries of the store's stage state:
//
//   - stateMark, rewritten with every batch in the batch's transaction: how
//     many articles the analysis has taken in so far;
//   - stateName, written at the end of a run: the snapshot, carrying the
//     mark it was taken at.
//
// A new Analyzer restores the snapshot and replays only the articles
// analysed after its mark (the store's mark is ahead when later runs did
// not write a snapshot, or stopped before writing it); a snapshot ahead of
// the store's mark is not used. ResetAnalysis drops both. A run writes a
// snapshot when the articles it would leave to replay reach 2% of the
// collection or 2,000: the snapshot is rewritten as the collection grows
// by a fiftieth, not on every poll.
const (
	stateName = "analyzer"
	stateMark = "analyzer-mark"
	// stateSnapshotAt records when the snapshot was written and its mark
	// ("RFC3339-time mark"), for status.
	stateSnapshotAt = "analyzer-snapshot-at"
	stateVersion    = 2
)

// stateLoader is implemented by stores that keep stage state.
type stateLoader interface {
	LoadState(ctx context.Context, name string) ([]byte, error)
}

type analyzerState struct {
	Version  int                  `json:"version"`
	Mark     int                  `json:"mark"`
	Dedup    dedup.State          `json:"dedup"`
	Cluster  cluster.State        `json:"cluster"`
	Entities entity.RegistryState `json:"entities"`
}

// markState returns the stage-state entry recording n articles taken in.
func markState(n int) map[string][]byte {
	return map[string][]byte{stateMark: []byte(strconv.Itoa(n))}
}

// encodeState snapshots the Analyzer, gzipped gob (decoding it is about
// three times as fast as the JSON of state version 1, and the restore is
// what every small ingest into a large database waits for).
func (z *Analyzer) encodeState() ([]byte, error) {
	st := analyzerState{Version: stateVersion, Mark: z.taken, Dedup: z.dedup.Snapshot(),
		Cluster: z.clusters.Snapshot(), Entities: z.entities.Snapshot()}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed) // the level is valid
	if err := gob.NewEncoder(zw).Encode(st); err != nil {
		return nil, fmt.Errorf("encode analyzer state: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("encode analyzer state: %w", err)
	}
	return buf.Bytes(), nil
}

// errOldState is returned by decodeState for a snapshot in the JSON form of
// state version 1.
var errOldState = errors.New("analyzer state in an earlier form")

// decodeState reads a snapshot written by encodeState.
func decodeState(data []byte) (analyzerState, error) {
	var s analyzerState
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return s, fmt.Errorf("decode analyzer state: %w", err)
	}
	br := bufio.NewReader(io.LimitReader(zr, 8<<30))
	if b, err := br.Peek(1); err == nil && b[0] == '{' {
		return s, errOldState
	}
	if err := gob.NewDecoder(br).Decode(&s); err != nil {
		return s, fmt.Errorf("decode analyzer state: %w", err)
	}
	return s, nil
}

// restore loads the snapshot the store holds when it matches the store's
// mark; ok is false (and the Analyzer unchanged) when there is none, it is
// stale, or it cannot be read, in which case the caller replays.
func (z *Analyzer) restore(ctx context.Context, st AnalysisStore) (ok bool, err error) {
	sl, can := st.(stateLoader)
	if !can {
		return false, nil
	}
	markB, err := sl.LoadState(ctx, stateMark)
	if err != nil {
		return false, err
	}
	data, err := sl.LoadState(ctx, stateName)
	if err != nil {
		return false, err
	}
	if markB == nil || data == nil {
		return false, nil
	}
	mark, err := strconv.Atoi(string(markB))
	if err != nil {
		z.log.Warn("analyzer state: unreadable mark; replaying", "err", err)
		return false, nil
	}
	s, err := decodeState(data)
	if errors.Is(err, errOldState) {
		z.log.Info("analyzer state in the JSON form of an earlier version; replaying")
		return false, nil
	}
	if err != nil {
		z.log.Warn("analyzer state: unreadable; replaying", "err", err)
		return false, nil
	}
	if s.Version != stateVersion || s.Mark > mark {
		z.log.Info("analyzer state is stale; replaying", "state_mark", s.Mark, "store_mark", mark)
		return false, nil
	}
	ix, err := dedup.Restore(s.Dedup)
	if err != nil {
		z.log.Warn("analyzer state: duplicates; replaying", "err", err)
		return false, nil
	}
	c, err := cluster.Restore(s.Cluster)
	if err != nil {
		z.log.Warn("analyzer state: stories; replaying", "err", err)
		return false, nil
	}
	if c.Config() != z.clusterCfg {
		// Another version's parameters: replaying applies this one's.
		z.log.Info("analyzer state: other clustering parameters; replaying")
		return false, nil
	}
	reg, err := entity.RestoreRegistry(s.Entities)
	if err != nil {
		z.log.Warn("analyzer state: entities; replaying", "err", err)
		return false, nil
	}
	z.dedup, z.clusters, z.clusterCfg, z.entities, z.taken, z.snapshotAt = ix, c, c.Config(), reg, s.Mark, s.Mark
	if z.lang != "" {
		z.clusters.SetLang(z.lang)
	}
	return true, nil
}

// stale reports whether the store's mark differs from the articles this
// Analyzer has taken in: another process analysed (or reset the analysis)
// since.
func (z *Analyzer) stale(ctx context.Context, st AnalysisStore) (bool, error) {
	sl, can := st.(stateLoader)
	if !can {
		return false, nil
	}
	markB, err := sl.LoadState(ctx, stateMark)
	if err != nil {
		return false, fmt.Errorf("load state mark: %w", err)
	}
	mark := 0
	if markB != nil {
		if mark, err = strconv.Atoi(string(markB)); err != nil {
			return true, nil
		}
	}
	return mark != z.taken, nil
}

// readMark reads the store's mark, which the next batch will require,
// before the state is rebuilt from the store: a batch another process
// commits meanwhile moves the mark, and this Analyzer's first batch is
// then refused (its memory may or may not include that batch) instead of
// written over it.
func (z *Analyzer) readMark(ctx context.Context, st AnalysisStore) error {
	sl, can := st.(stateLoader)
	if !can {
		return nil
	}
	mark, err := sl.LoadState(ctx, stateMark)
	if err != nil {
		return fmt.Errorf("load state mark: %w", err)
	}
	z.mark, z.fenced = mark, true
	return nil
}

// fence makes b require the mark this Analyzer built it on and moves the
// Analyzer's mark to the one b writes. Batches are written in the order
// they are made, so each requires what the one before writes. A refused
// batch fails the run, which drops the memory; the next run rebuilds it
// from what the store holds. This is what keeps the analysis whole when
// two processes analyse at once for a moment (a leader whose lock's
// connection broke goes on until its next ping notices, while another
// takes the lock) and when a COMMIT reaches the server but its answer
// is lost: whichever batch comes second is refused.
func (z *Analyzer) fence(b *store.AnalysisBatch) {
	if !z.fenced {
		return
	}
	b.Requires = map[string][]byte{stateMark: z.mark}
	z.mark = b.State[stateMark]
}

// StateInfo is what the store says of the analyser's state, for status.
type StateInfo struct {
	// Analysed is the number of articles the analysis has taken in (the
	// mark every batch advances).
	Analysed int `json:"analysed"`
	// SnapshotMark is the number of articles the last snapshot covers, and
	// SnapshotAt when it was written (zero when unknown or none).
	SnapshotMark int       `json:"snapshot_mark"`
	SnapshotAt   time.Time `json:"snapshot_at,omitzero"`
}

// ReadStateInfo reads the analyser's mark and the time and mark of its
// last snapshot from the store (without decoding the snapshot).
func ReadStateInfo(ctx context.Context, st interface {
	LoadState(ctx context.Context, name string) ([]byte, error)
}) (StateInfo, error) {
	var info StateInfo
	b, err := st.LoadState(ctx, stateMark)
	if err != nil {
		return info, fmt.Errorf("load state mark: %w", err)
	}
	info.Analysed, _ = strconv.Atoi(string(b))
	b, err = st.LoadState(ctx, stateSnapshotAt)
	if err != nil {
		return info, fmt.Errorf("load snapshot time: %w", err)
	}
	if at, mark, ok := strings.Cut(string(b), " "); ok {
		info.SnapshotAt, _ = time.Parse(time.RFC3339Nano, at)
		info.SnapshotMark, _ = strconv.Atoi(mark)
	}
	return info, nil
}

// stateDue reports whether the articles taken in since the last snapshot
// are enough to write a new one.
func (z *Analyzer) stateDue() bool {
	tail := z.taken - z.snapshotAt
	return tail > 0 && (tail >= 2000 || tail*50 >= z.taken)
}

// saveState writes the snapshot (and the mark it was taken at) in a batch
// of its own.
func (z *Analyzer) saveState(ctx context.Context, st AnalysisStore) error {
	data, err := z.encodeState()
	if err != nil {
		return err
	}
	b := store.AnalysisBatch{State: markState(z.taken)}
	z.fence(&b)
	b.State[stateName] = data
	b.State[stateSnapshotAt] = []byte(time.Now().UTC().Format(time.RFC3339Nano) + " " + strconv.Itoa(z.taken))
	if err := st.SaveAnalysis(ctx, b); err != nil {
		return fmt.Errorf("save analyzer state: %w", err)
	}
	z.snapshotAt = z.taken
	return nil
}
