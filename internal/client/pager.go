package client

import (
	"context"
	"fmt"
	"iter"
	"maps"
	"net/http"
	"net/url"
)

// Page is one page of a v2 list: {data, hasMore, nextCursor}. The cursor is
// opaque: it is only ever sent back.
type Page[T any] struct {
	Data       []T     `json:"data"`
	HasMore    bool    `json:"hasMore"`
	NextCursor *string `json:"nextCursor"`
}

// validate checks each entry that has amounts it must carry.
func (p *Page[T]) validate() error {
	for i := range p.Data {
		if v, ok := any(&p.Data[i]).(validator); ok {
			if err := v.validate(); err != nil {
				return fmt.Errorf("data[%d]: %w", i, err)
			}
		}
	}
	return nil
}

// maxListPages bounds how many pages a list may take: at 100 entries a
// page, far more than any customer has, and a server that never says "no
// more" cannot keep the provider paging forever.
const maxListPages = 1000

// listPageSize is the largest page v2 lists serve; fewer requests per list.
const listPageSize = "100"

// listItems reads a cursor-paged v2 list at path with the given filters,
// page by page, and yields its entries as each page arrives: a caller that
// stops early sends no further request. A failure is yielded once, after the
// entries already read, and ends the sequence.
//
// A server that repeats a cursor, says hasMore without a cursor, or keeps
// paging past maxListPages ends the list with an error rather than a loop
// or a silently short list. what names the entries in those errors.
func listItems[T any](ctx context.Context, c *Client, path string, filters url.Values, what string) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		query := maps.Clone(filters)
		if query == nil {
			query = url.Values{}
		}
		query.Set("limit", listPageSize)
		seen := map[string]bool{}
		for pages := 1; ; pages++ {
			var page Page[T]
			if err := c.call(ctx, http.MethodGet, path, query, nil, &page); err != nil {
				yield(zero, err)
				return
			}
			for _, item := range page.Data {
				if !yield(item, nil) {
					return
				}
			}
			if !page.HasMore {
				return
			}
			var err error
			switch {
			case page.NextCursor == nil || *page.NextCursor == "":
				err = fmt.Errorf("HostUp API GET %s: page %d says hasMore but gives no nextCursor; the %s list cannot be read to its end", path, pages, what)
			case seen[*page.NextCursor]:
				err = fmt.Errorf("HostUp API GET %s: page %d repeats the cursor %q of an earlier page; stopped instead of reading the same pages forever", path, pages, *page.NextCursor)
			case pages >= maxListPages:
				err = fmt.Errorf("HostUp API GET %s: still more entries after %d pages; stopped", path, maxListPages)
			}
			if err != nil {
				yield(zero, err)
				return
			}
			seen[*page.NextCursor] = true
			query.Set("cursor", *page.NextCursor)
		}
	}
}

// collect reads a whole list: every entry, or the first error and nothing.
func collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var all []T
	for item, err := range seq {
		if err != nil {
			return nil, err
		}
		all = append(all, item)
	}
	return all, nil
}
