package dedup

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// preparedCodec is the version of the encoding of a Prepared that
// AppendBinary writes and UnmarshalPrepared reads; a change of the fields
// it holds changes it.
const preparedCodec = 1

// AppendBinary appends the hashing Prepare did (not the Doc, which the
// reader has) to b, so that an article hashed in one process can be added
// in another (pipeline's prepare jobs). It implements
// encoding.BinaryAppender.
func (p Prepared) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, preparedCodec)
	if p.empty {
		return append(b, 1), nil
	}
	b = append(b, 0)
	b = binary.LittleEndian.AppendUint64(b, p.hash)
	b = binary.AppendUvarint(b, uint64(p.size))
	b = binary.AppendUvarint(b, uint64(len(p.sig)))
	for _, v := range p.sig {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b, nil
}

// UnmarshalPrepared reads what AppendBinary wrote for the article d (the
// Doc Prepare was given). An encoding of another version or a damaged one
// is an error: prepare the article again.
func UnmarshalPrepared(d Doc, data []byte) (Prepared, error) {
	p := Prepared{Doc: d}
	if len(data) < 2 {
		return p, errors.New("dedup: prepared: too short")
	}
	if data[0] != preparedCodec {
		return p, fmt.Errorf("dedup: prepared: encoding version %d, want %d", data[0], preparedCodec)
	}
	switch data[1] {
	case 1:
		p.empty = true
		if len(data) != 2 {
			return p, errors.New("dedup: prepared: trailing bytes")
		}
		return p, nil
	case 0:
	default:
		return p, errors.New("dedup: prepared: bad flag")
	}
	data = data[2:]
	if len(data) < 8 {
		return p, errors.New("dedup: prepared: too short")
	}
	p.hash = binary.LittleEndian.Uint64(data)
	data = data[8:]
	size, n := binary.Uvarint(data)
	if n <= 0 || size > 1<<31 {
		return p, errors.New("dedup: prepared: bad size")
	}
	p.size, data = int(size), data[n:]
	count, n := binary.Uvarint(data)
	if n <= 0 || count > uint64(len(data)-n)/4 {
		return p, errors.New("dedup: prepared: bad signature length")
	}
	data = data[n:]
	if count > 0 {
		p.sig = make([]uint32, count)
		for i := range p.sig {
			p.sig[i] = binary.LittleEndian.Uint32(data[4*i:])
		}
	}
	if len(data) != 4*int(count) {
		return p, errors.New("dedup: prepared: trailing bytes")
	}
	return p, nil
}
