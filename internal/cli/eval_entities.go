package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/entity"
)

// evalEntitiesCmd is "eval entities DIR": the recognizer over a labelled
// NER folder (texts/<doc>.txt and mentions.tsv, as ../shared/eval/ner-en,
// ner-ru and ner-uk), scored by entity.Evaluate.
func (a *app) evalEntitiesCmd() *cobra.Command {
	var half, errs int
	var lang string
	cmd := a.evalSub("entities DIR", "Score named-entity mentions (typed and untyped P/R/F1, by type, alias precision) on a labelled NER folder",
		"  parallax eval entities ../shared/eval/ner-en\n  parallax eval entities --half 2 ../shared/eval/ner-ru\n  parallax eval entities --errors 30 --half 1 ../shared/eval/ner-uk",
		func(ctx context.Context, dir string) (report, error) {
			docs, err := readNERDir(ctx, dir, lang)
			if err != nil {
				return nil, err
			}
			if half != 0 {
				if half != 1 && half != 2 {
					return nil, fmt.Errorf("--half %d: want 1 or 2", half)
				}
				var kept []entity.EvalDoc
				for i, d := range docs {
					if i%2 == half-1 {
						kept = append(kept, d)
					}
				}
				docs = kept
			}
			return entity.EvaluateErrors(docs, errs), nil
		})
	cmd.Flags().IntVar(&half, "half", 0, "score only one half of the documents in name order: 1 (1st, 3rd, ...) or 2 (2nd, 4th, ...)")
	cmd.Flags().IntVar(&errs, "errors", 0, "also list the N most frequent errors of each class: false positives, misses, span boundaries, type confusions (JSON: errors)")
	cmd.Flags().StringVar(&lang, "lang", "", "language of the texts (ISO 639-1); default: guessed from the folder name (ner-ru → ru), else en")
	return cmd
}

// readNERDir reads a labelled NER folder: texts/*.txt, mentions.tsv and,
// where present, mentions-full.tsv and identities.tsv.
func readNERDir(ctx context.Context, dir, lang string) ([]entity.EvalDoc, error) {
	if lang == "" {
		lang = "en"
		base := filepath.Base(filepath.Clean(dir))
		if i := strings.LastIndexByte(base, '-'); i >= 0 && len(base)-i-1 == 2 {
			lang = base[i+1:]
		}
	}
	files, err := filepath.Glob(filepath.Join(dir, "texts", "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("list texts in %s: %w", dir, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no texts/*.txt in %s", dir)
	}
	sort.Strings(files)
	gold, err := readMentionsTSV(filepath.Join(dir, "mentions.tsv"))
	if err != nil {
		return nil, err
	}
	full := map[string][]entity.EvalMention{}
	if _, err := os.Stat(filepath.Join(dir, "mentions-full.tsv")); err == nil {
		if full, err = readMentionsTSV(filepath.Join(dir, "mentions-full.tsv")); err != nil {
			return nil, err
		}
	}
	ident := map[string]map[string]string{}
	if rows, err := readTSV(filepath.Join(dir, "identities.tsv")); err == nil {
		for _, f := range rows {
			if len(f) >= 3 {
				if ident[f[0]] == nil {
					ident[f[0]] = map[string]string{}
				}
				ident[f[0]][f[1]] = f[2]
			}
		}
	} else if !os.IsNotExist(err) {
		return nil, err
	}
	// Coreference: some entity id is shared by two mentions of a document.
	coref := false
	for _, ms := range gold {
		seen := map[string]bool{}
		for _, m := range ms {
			if seen[m.Entity] {
				coref = true
			}
			seen[m.Entity] = true
		}
	}
	docs := make([]entity.EvalDoc, 0, len(files))
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("read text: %w", err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		docs = append(docs, entity.EvalDoc{ID: id, Lang: lang, Text: string(b), Gold: gold[id], Full: full[id], Identity: ident[id], Coref: coref})
	}
	return docs, nil
}

// readTSV reads a tab-separated file without its header line.
func readTSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 0; sc.Scan(); n++ {
		if n == 0 || sc.Text() == "" {
			continue
		}
		rows = append(rows, strings.Split(sc.Text(), "\t"))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return rows, nil
}

// readMentionsTSV reads doc start end type entity text lines by document.
func readMentionsTSV(path string) (map[string][]entity.EvalMention, error) {
	rows, err := readTSV(path)
	if err != nil {
		return nil, fmt.Errorf("read mentions: %w", err)
	}
	out := map[string][]entity.EvalMention{}
	for i, f := range rows {
		if len(f) < 5 {
			return nil, fmt.Errorf("%s line %d: %d fields, want 6", path, i+2, len(f))
		}
		s, err1 := strconv.Atoi(f[1])
		e, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || e < s {
			return nil, fmt.Errorf("%s line %d: bad offsets %q %q", path, i+2, f[1], f[2])
		}
		m := entity.EvalMention{Doc: f[0], Start: s, End: e, Type: f[3], Entity: f[4]}
		if len(f) > 5 {
			m.Text = f[5]
		}
		out[f[0]] = append(out[f[0]], m)
	}
	return out, nil
}
