package cluster

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// preparedCodec is the version of the encoding of a Prepared that
// AppendBinary writes and UnmarshalPrepared reads; a change of the fields
// it holds changes it.
const preparedCodec = 2

// AppendBinary appends the features Prepare found (not the Doc, which the
// reader has) to b, so that an article analysed in one process can be
// added in another (pipeline's prepare jobs). Weights are written as
// their IEEE 754 bits: what is read back is exactly what was prepared. It
// implements encoding.BinaryAppender.
func (p Prepared) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, preparedCodec)
	b = appendString(b, p.lang)
	for _, days := range [][]int{p.days, p.wdays} {
		b = binary.AppendUvarint(b, uint64(len(days)))
		for _, d := range days {
			b = binary.AppendVarint(b, int64(d))
		}
	}
	for _, terms := range [][]pterm{p.terms, p.cross} {
		b = binary.AppendUvarint(b, uint64(len(terms)))
		for _, t := range terms {
			b = appendString(b, t.key)
			b = appendString(b, t.surface)
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(t.all))
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(t.title))
		}
	}
	return b, nil
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// codecReader reads what AppendBinary wrote; the first error sticks.
type codecReader struct {
	b   []byte
	err error
}

func (r *codecReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errors.New("cluster: prepared: bad number")
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *codecReader) varint() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.err = errors.New("cluster: prepared: bad number")
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a length whose items take at least min bytes each.
func (r *codecReader) count(min int) int {
	n := r.uvarint()
	if r.err == nil && n > uint64(len(r.b)/min) {
		r.err = errors.New("cluster: prepared: bad length")
		return 0
	}
	return int(n)
}

func (r *codecReader) string() string {
	n := r.count(1)
	if r.err != nil {
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *codecReader) float() float64 {
	if r.err == nil && len(r.b) < 8 {
		r.err = errors.New("cluster: prepared: too short")
	}
	if r.err != nil {
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(r.b))
	r.b = r.b[8:]
	return v
}

// UnmarshalPrepared reads what AppendBinary wrote for the article d (the
// Doc Prepare was given). An encoding of another version or a damaged one
// is an error: prepare the article again.
func UnmarshalPrepared(d Doc, data []byte) (Prepared, error) {
	p := Prepared{Doc: d}
	if len(data) == 0 {
		return p, errors.New("cluster: prepared: empty")
	}
	if data[0] != preparedCodec {
		return p, fmt.Errorf("cluster: prepared: encoding version %d, want %d", data[0], preparedCodec)
	}
	r := &codecReader{b: data[1:]}
	p.lang = r.string()
	for _, days := range []*[]int{&p.days, &p.wdays} {
		if n := r.count(1); n > 0 {
			*days = make([]int, n)
			for i := range *days {
				(*days)[i] = int(r.varint())
			}
		}
	}
	for k, terms := range []*[]pterm{&p.terms, &p.cross} {
		n := r.count(18)
		if n == 0 {
			continue
		}
		*terms = make([]pterm, n)
		for i := range *terms {
			t := &(*terms)[i]
			t.key, t.surface = r.string(), r.string()
			t.all, t.title = r.float(), r.float()
			if k == 0 && r.err == nil {
				t.num = termNumber(t.key)
			}
		}
	}
	if r.err == nil && len(r.b) > 0 {
		r.err = errors.New("cluster: prepared: trailing bytes")
	}
	if r.err != nil {
		return Prepared{Doc: d}, r.err
	}
	return p, nil
}
