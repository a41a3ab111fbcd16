package entity

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

func TestDbgErrors(t *testing.T) {
	set := os.Getenv("NERSET")
	if set == "" {
		t.Skip()
	}
	dir := "../../../shared/eval/" + set
	code := set[len(set)-2:]
	files, _ := filepath.Glob(dir + "/texts/*.txt")
	sort.Strings(files)
	gold := map[string][]EvalMention{}
	f, _ := os.Open(dir + "/mentions.tsv")
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if p[0] == "doc" {
			continue
		}
		s, _ := strconv.Atoi(p[1])
		e, _ := strconv.Atoi(p[2])
		gold[p[0]] = append(gold[p[0]], EvalMention{Doc: p[0], Start: s, End: e, Type: p[3], Text: p[5]})
	}
	fp, fn := map[string]int{}, map[string]int{}
	for i, fl := range files {
		if i%2 != 0 && false {
			continue
		}
		id := strings.TrimSuffix(filepath.Base(fl), ".txt")
		b, _ := os.ReadFile(fl)
		pred := Predict(EvalDoc{ID: id, Lang: code, Text: string(b)})
		g := map[[2]int]string{}
		for _, m := range gold[id] {
			g[[2]int{m.Start, m.End}] = m.Type
		}
		p := map[[2]int]string{}
		for _, m := range pred {
			p[[2]int{m.Start, m.End}] = m.Type
			if gt, ok := g[[2]int{m.Start, m.End}]; !ok || gt != m.Type {
				fp[fmt.Sprintf("FP %s/%s %s", m.Type, gt, m.Text)]++
			}
		}
		for _, m := range gold[id] {
			if pt, ok := p[[2]int{m.Start, m.End}]; !ok || pt != m.Type {
				fn[fmt.Sprintf("FN %s/%s %s", m.Type, pt, m.Text)]++
			}
		}
	}
	for _, mm := range []map[string]int{fp, fn} {
		var ks []string
		for k := range mm {
			ks = append(ks, k)
		}
		sort.Slice(ks, func(a, b int) bool { return mm[ks[a]] > mm[ks[b]] || mm[ks[a]] == mm[ks[b]] && ks[a] < ks[b] })
		for _, k := range ks {
			fmt.Printf("%d\t%s\n", mm[k], k)
		}
	}
}
