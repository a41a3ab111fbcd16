package sqlite

import "time"

// WithReaders sets the number of read connections. The default is
// max(4, GOMAXPROCS).
func WithReaders(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.readers = n
		}
	}
}

// WithClock sets the clock used to fill a zero Article.IngestedAt. The
// default is time.Now.
func WithClock(now func() time.Time) Option {
	return func(c *config) {
		if now != nil {
			c.now = now
		}
	}
}
