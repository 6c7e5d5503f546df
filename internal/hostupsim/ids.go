package hostupsim

import (
	"encoding/binary"
	"fmt"
	"math/big"
	"strings"
	"time"
)

// Identifiers look like the real ones (UUIDs on v1, ULID-style prefixed ids on
// v2) but come from counters, so that two fresh servers given the same calls
// hand out the same ids and tests can compare whole bodies.

// Salts keep the request-id and entity-id streams from ever producing the same
// suffix for the same counter value.
const (
	saltRequest uint64 = 0x5eed_0000_0000_0001
	saltEntity  uint64 = 0x5eed_0000_0000_0002
)

// splitmix64 is a bijective mixer: distinct inputs give distinct outputs, which
// makes counter-derived ids unique without any bookkeeping.
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// uuidFor formats a version-4-shaped UUID for a request counter value.
func uuidFor(seq uint64) string {
	var u [16]byte
	binary.BigEndian.PutUint64(u[:8], splitmix64(seq^saltRequest))
	binary.BigEndian.PutUint64(u[8:], splitmix64(^seq))
	u[6] = u[6]&0x0f | 0x40 // version 4
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// crockford is the lowercase Crockford base32 alphabet used by v2 ids
// ("acct_01hxa3b4c5d6e7f8g9h0j1k2m3").
const crockford = "0123456789abcdefghjkmnpqrstvwxyz"

// ulid returns 26 lowercase Crockford base32 characters: a 48-bit millisecond
// timestamp followed by 80 bits derived from seq, like a ULID.
func ulid(t time.Time, seq, salt uint64) string {
	var b [16]byte
	ms := uint64(t.UnixMilli())
	for i := range 6 {
		b[i] = byte(ms >> (8 * (5 - i)))
	}
	binary.BigEndian.PutUint64(b[6:14], splitmix64(seq^salt))
	binary.BigEndian.PutUint16(b[14:16], uint16(splitmix64(seq+salt)))

	// big.Int's base-32 digits are 0-9a-v; map each digit value onto Crockford's
	// alphabet and left-pad to 26 characters (130 bits).
	digits := new(big.Int).SetBytes(b[:]).Text(32)
	var sb strings.Builder
	sb.WriteString(strings.Repeat("0", 26-len(digits)))
	for _, d := range digits {
		v := d - '0'
		if d >= 'a' {
			v = d - 'a' + 10
		}
		sb.WriteByte(crockford[v])
	}
	return sb.String()
}

// nextRequestIDs returns the v1 (UUID) and v2 (req_…) request ids for the next
// request. Callers hold s.mu.
func (s *Server) nextRequestIDs() (v1, v2 string) {
	s.reqSeq++
	return uuidFor(s.reqSeq), "req_" + ulid(s.now, s.reqSeq, saltRequest)
}

// newID returns a fresh v2 identifier with the given prefix ("acct", "ord",
// "inv"). Callers hold s.mu.
func (s *Server) newID(prefix string) string {
	s.idSeq++
	return prefix + "_" + ulid(s.now, s.idSeq, saltEntity)
}
