// Package export writes lists of values as CSV, the same way for the
// command line and the web pages.
package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// CSV writes items (structs, or pointers to them) as CSV with a header
// row. The columns are the fields --json prints, named as in JSON: a
// struct's own fields in order, then those of its embedded structs (which
// they hide, as in JSON); times are RFC 3339 and empty
// when unknown, lists are joined with "; ", nested objects are JSON-less
// text (fmt's %v). Every list command shares it, so that --format csv
// means the same everywhere.
func CSV[T any](w io.Writer, items []T) error {
	cw := csv.NewWriter(w)
	cols := csvColumns(reflect.TypeFor[T]())
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = c.name
	}
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	row := make([]string, len(cols))
	for _, it := range items {
		v := reflect.ValueOf(it)
		for v.Kind() == reflect.Pointer {
			v = v.Elem()
		}
		for i, c := range cols {
			f, err := v.FieldByIndexErr(c.index)
			if err != nil {
				row[i] = ""
				continue
			}
			row[i] = csvCell(f)
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

type csvColumn struct {
	name  string
	index []int
}

// csvColumns lists the JSON-visible fields of t (a struct or pointer to
// one); an outer field hides an embedded one of the same name, as in JSON.
func csvColumns(t reflect.Type) []csvColumn {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return []csvColumn{{name: "value"}}
	}
	var cols []csvColumn
	seen := map[string]bool{}
	var walk func(t reflect.Type, index []int, depth int)
	walk = func(t reflect.Type, index []int, depth int) {
		var embedded []reflect.StructField
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" || (!f.IsExported() && !f.Anonymous) {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
				embedded = append(embedded, f)
				continue
			}
			if name == "" {
				name = f.Name
			}
			if seen[name] {
				continue
			}
			seen[name] = true
			cols = append(cols, csvColumn{name: name, index: append(append([]int{}, index...), f.Index...)})
		}
		for _, f := range embedded {
			walk(f.Type, append(append([]int{}, index...), f.Index...), depth+1)
		}
	}
	walk(t, nil, 0)
	return cols
}

// csvCell renders one field.
func csvCell(v reflect.Value) string {
	if !v.IsValid() {
		return ""
	}
	switch x := v.Interface().(type) {
	case time.Time:
		if x.IsZero() {
			return ""
		}
		return x.UTC().Format(time.RFC3339)
	case time.Duration:
		return strconv.FormatFloat(x.Seconds(), 'f', -1, 64)
	case fmt.Stringer:
		if v.Kind() != reflect.Struct {
			return x.String()
		}
	}
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'f', -1, 64)
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return ""
		}
		return csvCell(v.Elem())
	case reflect.Slice, reflect.Array:
		parts := make([]string, v.Len())
		for i := range v.Len() {
			parts[i] = csvCell(v.Index(i))
		}
		return strings.Join(parts, "; ")
	}
	return fmt.Sprint(v.Interface())
}
