package when

import (
	"regexp/syntax"
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"
)

// A prefilter tells, before a rule's pattern runs at a word start, whether
// the pattern can match there at all. Go's regexp runs programs of more
// than 500 instructions (the duration, month-year and unit-rel patterns)
// on its NFA, which steps through every live thread at every byte: several
// microseconds a try, and four tries in five fail. The prefilter is a DFA
// over the same program, built lazily one transition at a time, that
// ignores captures and takes every assertion (\b, ^, $) as true: it
// accepts a superset of the pattern's matches, so a start it rejects
// cannot match and nothing is lost. It reads ASCII only; on any other byte
// it answers "maybe".
type prefilter struct {
	prog *syntax.Prog
	once sync.Once
	// class maps an ASCII byte to its class: bytes no instruction of the
	// program tells apart share a class and a transition.
	class    [128]uint8
	nclasses int
	start    *dstate
	dead     *dstate

	mu     sync.Mutex // guards states and the creation of transitions
	states map[string]*dstate
}

// dstate is a DFA state: the rune instructions the NFA would be at, and
// whether a match is reachable without reading more.
type dstate struct {
	pcs   []uint32
	match bool
	next  []atomic.Pointer[dstate] // by byte class; nil until first taken
}

// maxDFAStates bounds a prefilter's states; past it new transitions are
// not built and the prefilter answers "maybe".
const maxDFAStates = 10000

func newPrefilter(pattern string) (*prefilter, error) {
	prog, err := compileProg(pattern)
	if err != nil {
		return nil, err
	}
	return &prefilter{prog: prog}, nil
}

func (d *prefilter) init() {
	// Byte classes: bytes matched by the same set of rune instructions.
	var runeInsts []uint32
	for pc, in := range d.prog.Inst {
		switch in.Op {
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			runeInsts = append(runeInsts, uint32(pc))
		}
	}
	sig := make([]byte, (len(runeInsts)+7)/8)
	ids := map[string]uint8{}
	for b := 0; b < 128; b++ {
		clear(sig)
		for i, pc := range runeInsts {
			if instMatches(&d.prog.Inst[pc], rune(b)) {
				sig[i/8] |= 1 << (i % 8)
			}
		}
		id, ok := ids[string(sig)]
		if !ok {
			id = uint8(len(ids))
			ids[string(sig)] = id
		}
		d.class[b] = id
	}
	d.nclasses = len(ids)
	d.states = map[string]*dstate{}
	d.dead = d.state(nil)
	d.start = d.state(d.closure(nil, []uint32{uint32(d.prog.Start)}))
}

// closure adds to set the rune instructions reachable from pcs through
// empty steps (assertions taken as true); a reachable match is recorded as
// the pseudo-instruction len(prog.Inst).
func (d *prefilter) closure(set []uint32, pcs []uint32) []uint32 {
	seen := make([]bool, len(d.prog.Inst)+1)
	stack := slices.Clone(pcs)
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[pc] {
			continue
		}
		seen[pc] = true
		in := &d.prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			stack = append(stack, in.Out, in.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			stack = append(stack, in.Out)
		case syntax.InstMatch:
			if !seen[len(d.prog.Inst)] {
				seen[len(d.prog.Inst)] = true
				set = append(set, uint32(len(d.prog.Inst)))
			}
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			set = append(set, pc)
		}
	}
	slices.Sort(set)
	return slices.Compact(set)
}

// state returns the interned state of the sorted set; d.mu is held (or
// the prefilter is being initialised).
func (d *prefilter) state(set []uint32) *dstate {
	key := unsafe.String((*byte)(unsafe.Pointer(unsafe.SliceData(set))), len(set)*4)
	if s, ok := d.states[key]; ok {
		return s
	}
	s := &dstate{next: make([]atomic.Pointer[dstate], d.nclasses)}
	for _, pc := range set {
		if int(pc) == len(d.prog.Inst) {
			s.match = true
		} else {
			s.pcs = append(s.pcs, pc)
		}
	}
	d.states[string(key)] = s
	return s
}

// step returns the state after reading byte b (ASCII) in s, or nil when
// the prefilter has too many states to build it.
func (d *prefilter) step(s *dstate, b byte) *dstate {
	c := d.class[b]
	if n := s.next[c].Load(); n != nil {
		return n
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if n := s.next[c].Load(); n != nil {
		return n
	}
	if len(d.states) >= maxDFAStates {
		return nil
	}
	var outs []uint32
	for _, pc := range s.pcs {
		if in := &d.prog.Inst[pc]; instMatches(in, rune(b)) {
			outs = append(outs, in.Out)
		}
	}
	n := d.dead
	if len(outs) > 0 {
		if set := d.closure(nil, outs); len(set) > 0 {
			n = d.state(set)
		}
	}
	s.next[c].Store(n)
	return n
}

// mayMatch reports whether the pattern may have a non-empty match at the
// start of s: false only when it certainly has none.
func (d *prefilter) mayMatch(s string) bool {
	d.once.Do(d.init)
	st := d.start
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= 0x80 {
			return true
		}
		st = d.step(st, b)
		if st == nil || st.match {
			return true
		}
		if st == d.dead {
			return false
		}
	}
	return false
}

// instMatches reports whether the rune instruction in consumes r.
func instMatches(in *syntax.Inst, r rune) bool {
	switch in.Op {
	case syntax.InstRuneAny:
		return true
	case syntax.InstRuneAnyNotNL:
		return r != '\n'
	case syntax.InstRune1:
		return r == in.Rune[0]
	}
	return in.MatchRune(r)
}

// compileProg compiles pattern to the instruction program regexp runs
// (Perl syntax, simplified), for the filters that walk it themselves.
func compileProg(pattern string) (*syntax.Prog, error) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, err
	}
	return syntax.Compile(re.Simplify())
}
