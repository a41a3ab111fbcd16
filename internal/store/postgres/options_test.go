package postgres

import "time"

// WithClock sets the clock used to fill a zero Article.IngestedAt and the
// times feeds and items are recorded. The default is time.Now.
func WithClock(now func() time.Time) Option {
	return func(c *config) {
		if now != nil {
			c.now = now
		}
	}
}
