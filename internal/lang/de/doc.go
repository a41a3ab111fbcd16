// Package de holds Parallax's resources for German: each file one stage's
// words and rules (stop words and stemming for clustering, names and
// titles for entities, speech verbs and quote marks for quotes, month and
// weekday names for dates). Stage packages read them; nothing here knows
// of stores or HTTP.
package de
