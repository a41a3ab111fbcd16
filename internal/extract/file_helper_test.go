package extract

// File cleans one file without storing it: .html, .htm, .xhtml (optionally
// gzip-compressed, .html.gz) are read as pages, anything else as plain text,
// unless its content sniffs as HTML. It returns ErrTooLarge, ErrBinary or
// ErrEmpty (wrapped with the path) for such input.
func File(path string) (Result, error) {
	return FileWith(path, Options{})
}
