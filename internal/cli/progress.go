package cli

import (
	"io"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progressBar shows counts, rate and ETA on a terminal and nothing when w
// is not one (piped output stays clean).
type progressBar struct {
	bar *progressbar.ProgressBar
}

func newProgressBar(w io.Writer, total int, what string) *progressBar {
	if !isTerminal(w) {
		return &progressBar{}
	}
	bar := progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("items"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionFullWidth(),
	)
	return &progressBar{bar: bar}
}

// set moves the bar to n items done.
func (p *progressBar) set(n int) {
	if p.bar != nil {
		_ = p.bar.Set(n)
	}
}

// describe updates the text before the bar.
func (p *progressBar) describe(s string) {
	if p.bar != nil {
		p.bar.Describe(s)
	}
}

func (p *progressBar) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
