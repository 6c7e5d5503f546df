package purchase

import (
	"slices"
	"sync"
)

// Ledger is what one provider process knows of its own purchases: one lock
// per account or VM, the invoices its commits created, which changes it
// planned and bought per account or VM, which ids it saw for one real
// account or VM, and which invoices belong to orders its resources manage.
// Every paid resource of the process shares it; the provider makes a new one
// each time it is configured, which Terraform does once per run.
type Ledger struct {
	mu        sync.Mutex
	locks     map[string]*sync.Mutex
	invoices  map[string][]string // lock key → invoice ids created by this process
	planned   map[string][]string // lock key → actions planned in this run
	bought    map[string][]string // lock key → actions committed (or maybe committed) in this run
	canonical map[string]About    // canonical name → the change that claimed it
	owners    map[string]string   // invoice id → the managed order it bills
}

// NewLedger returns an empty ledger.
func NewLedger() *Ledger {
	return &Ledger{locks: map[string]*sync.Mutex{}, invoices: map[string][]string{}, planned: map[string][]string{},
		bought: map[string][]string{}, canonical: map[string]About{}, owners: map[string]string{}}
}

// notePlanned records that action is planned on key, and returns the other
// actions planned there before it in this run.
func (l *Ledger) notePlanned(key, action string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	others := otherThan(l.planned[key], action)
	if !slices.Contains(l.planned[key], action) {
		l.planned[key] = append(l.planned[key], action)
	}
	return others
}

// recordPurchase records that action is being committed on key.
func (l *Ledger) recordPurchase(key, action string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.bought[key] = append(l.bought[key], action)
}

// withdrawPurchase undoes recordPurchase for a commit that bought nothing.
func (l *Ledger) withdrawPurchase(key, action string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if i := slices.Index(l.bought[key], action); i >= 0 {
		l.bought[key] = slices.Delete(l.bought[key], i, i+1)
	}
}

// boughtBefore returns the other actions committed on key in this run.
func (l *Ledger) boughtBefore(key, action string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return otherThan(l.bought[key], action)
}

func otherThan(actions []string, action string) []string {
	var out []string
	for _, a := range actions {
		if a != action && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// lock serialises commits to one account or VM; it returns the unlock.
func (l *Ledger) lock(key string) func() {
	l.mu.Lock()
	m, ok := l.locks[key]
	if !ok {
		m = &sync.Mutex{}
		l.locks[key] = m
	}
	l.mu.Unlock()
	m.Lock()
	return m.Unlock
}

func (l *Ledger) recordInvoice(key, invoiceID string) {
	if invoiceID == "" {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.invoices[key] = append(l.invoices[key], invoiceID)
}

// createdHere reports which of ids a commit of this process created.
func (l *Ledger) createdHere(ids []string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, created := range l.invoices {
		for _, id := range created {
			if slices.Contains(ids, id) && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}

// claim records that a change is planned to the account or VM named
// canonical, and returns the subject of a change planned to it before under
// another lock key ("" if none): one account addressed by two ids.
func (l *Ledger) claim(canonical string, about About) string {
	if canonical == "" {
		return ""
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if other, ok := l.canonical[canonical]; ok && other.LockKey != about.LockKey {
		return other.Subject
	}
	l.canonical[canonical] = about
	return ""
}

// NoteInvoiceOwner records that invoiceID bills an order a resource of this
// configuration manages, described for messages ("storage order ord_… of
// hostup_shared_hosting_storage_addon").
func (l *Ledger) NoteInvoiceOwner(invoiceID, owner string) {
	if invoiceID == "" {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.owners[invoiceID] = owner
}

func (l *Ledger) invoiceOwner(invoiceID string) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.owners[invoiceID]
}
