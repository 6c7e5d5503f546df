package hostupsim

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
)

// v2 lists are cursor-paged: ?limit= (1-100, default 20) and ?cursor= (a
// nextCursor this list returned) select a page of {data, hasMore,
// nextCursor}, in ascending v1 id order.

const (
	defaultPageSize = 20
	maxPageSize     = 100
)

// v2List is one page of a v2 list.
type v2List[T any] struct {
	Data       []T     `json:"data"`
	HasMore    bool    `json:"hasMore"`
	NextCursor *string `json:"nextCursor"`
}

// pageRequest is the window a list request asks for: at most limit entries
// with ids above after.
type pageRequest struct {
	limit int
	after int64
}

// parsePageRequest reads ?limit= and ?cursor=, refusing what the list would
// refuse: a limit out of range, a cursor it did not hand out.
func parsePageRequest(c *call) (pageRequest, error) {
	q := c.r.URL.Query()
	req := pageRequest{limit: defaultPageSize}
	if q.Has("limit") {
		n, err := strconv.Atoi(q.Get("limit"))
		if err != nil || n < 1 || n > maxPageSize {
			return req, invalidField("/limit", "out_of_range",
				fmt.Sprintf("`limit` must be an integer from 1 to %d, got %q.", maxPageSize, q.Get("limit")))
		}
		req.limit = n
	}
	if q.Has("cursor") {
		var ok bool
		if req.after, ok = decodeCursor(q.Get("cursor")); !ok {
			return req, invalidField("/cursor", "invalid_cursor", "`cursor` must be a nextCursor value returned by this endpoint.")
		}
	}
	return req, nil
}

// paginate renders the page req asks for out of items, which are sorted by
// ascending id.
func paginate[T, J any](items []T, id func(T) int64, req pageRequest, render func(T) J) v2List[J] {
	list := v2List[J]{Data: []J{}}
	after := req.after
	for _, it := range items {
		if id(it) <= req.after {
			continue
		}
		if len(list.Data) == req.limit {
			list.HasMore = true
			break
		}
		list.Data = append(list.Data, render(it))
		after = id(it)
	}
	if list.HasMore {
		next := encodeCursor(after)
		list.NextCursor = &next
	}
	return list
}

// Cursors are opaque to clients; inside they name the last entry served.
const cursorPrefix = "after:"

func encodeCursor(after int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + strconv.FormatInt(after, 10)))
}

func decodeCursor(cursor string) (int64, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil {
		return 0, false
	}
	digits, ok := strings.CutPrefix(string(raw), cursorPrefix)
	n, err := strconv.ParseInt(digits, 10, 64)
	return n, ok && err == nil && n > 0
}
