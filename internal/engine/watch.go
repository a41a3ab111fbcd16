package engine

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/watch"
)

// Webhook watches (parallax watch): the engine keeps each watch in the
// store (store.WatchStore), finds the events of what it follows (the
// storyline Atom feed's events, or new articles of a search) and delivers
// the new ones with internal/watch.

// Bounds of the reads behind one watch's events.
const (
	watchStories  = 500  // stories of a storyline
	watchArticles = 2000 // articles read for one storyline
	watchHits     = 100  // search hits
)

func (e *Engine) watchStore() (store.WatchStore, error) {
	ws, ok := e.db.(store.WatchStore)
	if !ok {
		return nil, fmt.Errorf("watches: %T keeps none", e.db)
	}
	return ws, nil
}

// AddWatch checks w, gives it an ID, takes the events already there as
// known (only later ones are posted) and stores it. A storyline must
// exist.
func (e *Engine) AddWatch(ctx context.Context, w watch.Watch) (watch.Watch, error) {
	ws, err := e.watchStore()
	if err != nil {
		return watch.Watch{}, err
	}
	if err := w.Check(); err != nil {
		return watch.Watch{}, err
	}
	if w.Storyline != "" {
		if _, err := e.db.Storyline(ctx, w.Storyline); err != nil {
			return watch.Watch{}, fmt.Errorf("watch storyline %s: %w", w.Storyline, err)
		}
	}
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		return watch.Watch{}, fmt.Errorf("watch ID: %w", err)
	}
	w.ID = "w" + hex.EncodeToString(b[:])
	w.Created = time.Now().UTC()
	w.State = watch.State{}
	events, err := e.watchEvents(ctx, w)
	if err != nil {
		return watch.Watch{}, err
	}
	w.Take(events)
	if err := putWatch(ctx, ws, w); err != nil {
		return watch.Watch{}, err
	}
	return w, nil
}

// Watches returns every watch, in ID order.
func (e *Engine) Watches(ctx context.Context) ([]watch.Watch, error) {
	ws, err := e.watchStore()
	if err != nil {
		return nil, err
	}
	recs, err := ws.Watches(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]watch.Watch, 0, len(recs))
	for _, r := range recs {
		var s storedWatch
		if err := json.Unmarshal(r.Data, &s); err != nil {
			return nil, fmt.Errorf("watch %s: %w", r.ID, err)
		}
		w := s.Watch
		w.ID, w.Secret = r.ID, s.Secret
		out = append(out, w)
	}
	return out, nil
}

// RemoveWatch deletes a watch (an error wrapping store.ErrNotFound when
// there is none).
func (e *Engine) RemoveWatch(ctx context.Context, id string) error {
	ws, err := e.watchStore()
	if err != nil {
		return err
	}
	return ws.RemoveWatch(ctx, id)
}

// WatchResult reports one watch of a DeliverWatches pass.
type WatchResult struct {
	ID        string `json:"id"`
	New       int    `json:"new"`       // events found that were not known
	Delivered int    `json:"delivered"` // events posted
	Pending   int    `json:"pending"`   // events left to post
	Error     string `json:"error,omitempty"`
}

// DeliverWatches finds the new events of every watch and posts those due
// with p (a fetch.Client: private addresses refused unless allowed),
// saving each watch's state. A watch that fails is reported in its result
// and retried at a later pass after its backoff; only a store failure or
// a cancelled context returns an error.
func (e *Engine) DeliverWatches(ctx context.Context, p watch.Poster) ([]WatchResult, error) {
	ws, err := e.watchStore()
	if err != nil {
		return nil, err
	}
	all, err := e.Watches(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]WatchResult, 0, len(all))
	for _, w := range all {
		res := WatchResult{ID: w.ID}
		events, err := e.watchEvents(ctx, w)
		switch {
		case errors.Is(err, store.ErrNotFound):
			res.Error = err.Error() // the storyline is gone (merged or reset)
		case err != nil:
			return out, err
		default:
			res.New = w.Take(events)
		}
		n, err := w.Deliver(ctx, p, time.Now())
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
		if err != nil {
			res.Error = err.Error()
			e.log.WarnContext(ctx, "webhook delivery failed", "watch", w.ID, "error", err)
		}
		res.Delivered, res.Pending = n, len(w.State.Pending)
		if err := putWatch(ctx, ws, w); err != nil {
			return out, err
		}
		out = append(out, res)
	}
	return out, nil
}

// watchEvents returns the events of what w follows, as they are now.
func (e *Engine) watchEvents(ctx context.Context, w watch.Watch) ([]watch.Event, error) {
	o := watch.RegistryOutlets(e.cmp.reg)
	if w.Search != "" {
		hits, err := e.db.Search(ctx, w.Search, watchHits)
		if err != nil {
			return nil, fmt.Errorf("watch %s: search: %w", w.ID, err)
		}
		events := make([]watch.Event, 0, len(hits))
		for _, h := range hits {
			events = append(events, watch.ArticleEvent(h.Article, h.Snippet, o))
		}
		return events, nil
	}
	if _, err := e.db.Storyline(ctx, w.Storyline); err != nil {
		return nil, fmt.Errorf("watch %s: storyline %s: %w", w.ID, w.Storyline, err)
	}
	stories, err := e.db.Stories(ctx, store.StoryQuery{StorylineID: w.Storyline, Limit: watchStories})
	if err != nil {
		return nil, fmt.Errorf("watch %s: stories: %w", w.ID, err)
	}
	var events []watch.Event
	budget := watchArticles
	for _, st := range stories {
		ids := st.ArticleIDs[:min(len(st.ArticleIDs), budget)]
		budget -= len(ids)
		arts := make([]news.Article, 0, len(ids))
		for _, id := range ids {
			a, err := e.db.Article(ctx, id)
			if errors.Is(err, store.ErrNotFound) {
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("watch %s: article %s: %w", w.ID, id, err)
			}
			arts = append(arts, a)
		}
		events = append(events, watch.StoryEvents(st, arts, o)...)
		if budget <= 0 {
			break
		}
	}
	return events, nil
}

// storedWatch is what the store keeps of a watch: the watch with its
// secret (which Watch's JSON leaves out).
type storedWatch struct {
	watch.Watch
	Secret string `json:"secret,omitempty"`
}

func putWatch(ctx context.Context, ws store.WatchStore, w watch.Watch) error {
	data, err := json.Marshal(storedWatch{Watch: w, Secret: w.Secret})
	if err != nil {
		return fmt.Errorf("watch %s: %w", w.ID, err)
	}
	return ws.PutWatch(ctx, store.WatchRecord{ID: w.ID, Data: data})
}
