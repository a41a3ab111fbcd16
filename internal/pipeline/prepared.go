package pipeline

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/dedup"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/quote"
	"github.com/parallax-news/parallax/internal/when"
)

// PreparedSource gives the analysis the per-article results other
// processes prepared (Preparer, run by job workers), so that the leader
// only decides. LoadPrepared returns the encoded results it has for ids,
// by ID; an article it has none for, or one that does not decode, the
// analysis prepares itself, so a slow or dead worker never stalls it and
// a result is used at most once (the article is analysed once).
type PreparedSource interface {
	LoadPrepared(ctx context.Context, ids []string) (map[string][]byte, error)
}

// preparedCodec is the version of the encoding Preparer writes.
const preparedCodec = 1

// preparedJSON is the part of an encoded result that is domain values.
type preparedJSON struct {
	Entities []entity.Entity  `json:"e"`
	Mentions []entity.Mention `json:"m"`
	Quotes   []quote.Quote    `json:"q"`
	Timexes  []when.Timex     `json:"t"`
}

// Preparer runs the per-article stages over stored articles, as the
// analysis's prepare step does, and encodes what they found for the
// analysis to take in (PreparedSource). It is not safe for concurrent use:
// give each goroutine its own.
type Preparer struct {
	dedup *dedup.Index
	ca    *cluster.Analyzer
}

// NewPreparer returns a Preparer with the analysis's default
// configuration (the one NewAnalyzer uses).
func NewPreparer() *Preparer {
	return &Preparer{dedup: dedup.NewIndex(dedup.Options{}), ca: cluster.NewAnalyzer(cluster.DefaultConfig())}
}

// Prepare analyses one stored article (entities, quotes, time
// expressions, duplicate hashing and cluster features) and returns the
// result encoded.
func (pr *Preparer) Prepare(a news.Article) ([]byte, error) {
	n := boundText(&a)
	p := analyseArticle(a)
	p.analysed = n
	p.dp = pr.dedup.Prepare(dedupDoc(a))
	p.cp = pr.ca.Prepare(clusterDoc(a, p.ents, ""))
	return encodePrepared(a, p)
}

// inputKey fingerprints what the per-article stages read of an article,
// so that a result prepared before the article changed (a re-ingest that
// filled in its date) is not taken for it.
func inputKey(a news.Article) uint64 {
	h := fnv.New64a()
	for _, s := range []string{a.ID, a.Title, a.Text, a.Language, a.URL, a.Outlet, a.OriginOutlet, a.Republisher,
		a.Published.UTC().Format("2006-01-02T15:04:05.999999999Z07:00")} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// encodePrepared writes: the codec version, the fingerprint of the
// article read (inputKey), the analysed character count, then three
// length-prefixed sections: the domain values as JSON, the duplicate
// hashing and the cluster features in their packages' encodings.
func encodePrepared(a news.Article, p perArticle) ([]byte, error) {
	js, err := json.Marshal(preparedJSON{p.ents, p.ms, p.quotes, p.timexes})
	if err != nil {
		return nil, fmt.Errorf("encode prepared article: %w", err)
	}
	dp, err := p.dp.AppendBinary(nil)
	if err != nil {
		return nil, fmt.Errorf("encode prepared article: %w", err)
	}
	cp, err := p.cp.AppendBinary(nil)
	if err != nil {
		return nil, fmt.Errorf("encode prepared article: %w", err)
	}
	b := make([]byte, 0, 16+len(js)+len(dp)+len(cp))
	b = append(b, preparedCodec)
	b = binary.LittleEndian.AppendUint64(b, inputKey(a))
	b = binary.AppendUvarint(b, uint64(p.analysed))
	for _, s := range [][]byte{js, dp, cp} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return b, nil
}

// decodePrepared reads what encodePrepared wrote for article a (its text
// already bounded as the analysis reads it).
func decodePrepared(a news.Article, data []byte) (perArticle, error) {
	var p perArticle
	if len(data) < 9 || data[0] != preparedCodec {
		return p, errors.New("prepared article: unknown encoding")
	}
	if binary.LittleEndian.Uint64(data[1:]) != inputKey(a) {
		return p, errors.New("prepared article: prepared from another version of the article")
	}
	data = data[9:]
	analysed, n := binary.Uvarint(data)
	if n <= 0 || analysed > 1<<31 {
		return p, errors.New("prepared article: bad length")
	}
	p.analysed, data = int(analysed), data[n:]
	var sections [3][]byte
	for i := range sections {
		l, n := binary.Uvarint(data)
		if n <= 0 || l > uint64(len(data)-n) {
			return p, errors.New("prepared article: bad section length")
		}
		sections[i], data = data[n:n+int(l)], data[n+int(l):]
	}
	if len(data) > 0 {
		return p, errors.New("prepared article: trailing bytes")
	}
	var js preparedJSON
	if err := json.Unmarshal(sections[0], &js); err != nil {
		return p, fmt.Errorf("prepared article: %w", err)
	}
	p.ents, p.ms, p.quotes, p.timexes = js.Entities, js.Mentions, js.Quotes, js.Timexes
	var err error
	if p.dp, err = dedup.UnmarshalPrepared(dedupDoc(a), sections[1]); err != nil {
		return perArticle{}, fmt.Errorf("prepared article: %w", err)
	}
	if p.cp, err = cluster.UnmarshalPrepared(clusterDoc(a, p.ents, ""), sections[2]); err != nil {
		return perArticle{}, fmt.Errorf("prepared article: %w", err)
	}
	p.prepared = true
	return p, nil
}
