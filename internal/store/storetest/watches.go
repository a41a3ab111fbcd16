package storetest

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/parallax-news/parallax/internal/store"
)

// testWatches: watches are stored whole under their ID, replaced by a
// later PutWatch, listed in ID order and removed; bad ones are refused.
func testWatches(t *testing.T, open OpenFeeds) {
	db := open(t)
	ctx := t.Context()
	ws, ok := db.(store.WatchStore)
	if !ok {
		t.Fatalf("%T does not keep watches", db)
	}
	if got, err := ws.Watches(ctx); err != nil || len(got) != 0 {
		t.Fatalf("empty store: %v, %v", got, err)
	}
	b := store.WatchRecord{ID: "wb", Data: []byte(`{"url":"https://b.example/hook","state":{"seen":["x"]}}`)}
	a := store.WatchRecord{ID: "wa", Data: []byte(`{"url":"https://a.example/hook","title":"Київ"}`)}
	for _, w := range []store.WatchRecord{b, a} {
		if err := ws.PutWatch(ctx, w); err != nil {
			t.Fatal(err)
		}
	}
	b.Data = []byte(`{"url":"https://b.example/hook","state":{"seen":["x","y"],"delivered":2}}`)
	if err := ws.PutWatch(ctx, b); err != nil {
		t.Fatal(err)
	}
	got, err := ws.Watches(ctx)
	if err != nil || len(got) != 2 || got[0].ID != "wa" || got[1].ID != "wb" {
		t.Fatalf("Watches = %v, %v; want wa, wb", got, err)
	}
	for i, want := range []store.WatchRecord{a, b} {
		if !sameJSON(t, got[i].Data, want.Data) {
			t.Errorf("watch %s: data %s, want %s", want.ID, got[i].Data, want.Data)
		}
	}
	for _, bad := range []store.WatchRecord{{ID: "", Data: []byte(`{}`)}, {ID: "x", Data: []byte(`[]`)}, {ID: "x", Data: []byte("{\"a\":\"\x00\"}")}} {
		if err := ws.PutWatch(ctx, bad); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("PutWatch(%q) = %v, want ErrInvalid", bad.Data, err)
		}
	}
	if err := ws.RemoveWatch(ctx, "wa"); err != nil {
		t.Fatal(err)
	}
	if err := ws.RemoveWatch(ctx, "wa"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second RemoveWatch = %v, want ErrNotFound", err)
	}
	if got, err := ws.Watches(ctx); err != nil || len(got) != 1 || got[0].ID != "wb" {
		t.Errorf("after remove: %v, %v", got, err)
	}
}

func sameJSON(t *testing.T, a, b []byte) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatal(err)
	}
	return reflect.DeepEqual(x, y)
}
