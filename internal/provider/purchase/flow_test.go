package purchase

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// script is a Change whose HostUp is a script: what Inspect and Price
// answer, what the commit answers, and what a confirming read says. It
// counts what the flow asked of it.
type script struct {
	about        About
	from, to     string
	price        string
	downgrade    bool
	lowers       []string
	inPlace      bool
	canonical    string
	invoices     []Invoice
	refuse       string // Inspect adds this error
	receipt      *Receipt
	commitErr    error
	confirmation Confirmation
	onePurchase  bool // the flow's resource is one purchase

	commits, confirms int
	confirmCtxErrs    []error
	onCommit          func()
}

func newScript(to, price string) *script {
	return &script{about: About{Subject: "account acct_test", LockKey: "hosting:acct_test",
		Action: "move account acct_test to " + to, Attribute: path.Root("product_slug")},
		from: "webbhotell-start", to: to, price: price}
}

func (s *script) About() About { return s.about }

func (s *script) Inspect(_ context.Context, diags *diag.Diagnostics) *Quote {
	if s.refuse != "" {
		diags.AddError(s.refuse, "HostUp refuses")
		return nil
	}
	return &Quote{From: s.from, FromName: "Start (" + s.from + ")", To: s.to, ToName: "Business (" + s.to + ")",
		InPlace: s.inPlace, Downgrade: s.downgrade, Lowers: s.lowers, Canonical: s.canonical, InvoicesToCancel: s.invoices}
}

func (s *script) Price(_ context.Context, q *Quote, _ *diag.Diagnostics) bool {
	q.Price = &client.PriceChange{Amount: client.MustAmount(s.price), RecurringAmount: client.MustAmount("1188"),
		CurrencyCode: "SEK", BillingCycle: "annually"}
	return true
}

func (s *script) Commit(context.Context, *Quote) (*Receipt, error) {
	s.commits++
	if s.onCommit != nil {
		s.onCommit()
	}
	return s.receipt, s.commitErr
}

func (s *script) Confirm(ctx context.Context) (Confirmation, error) {
	s.confirms++
	s.confirmCtxErrs = append(s.confirmCtxErrs, ctx.Err())
	return s.confirmation, nil
}

// planned is what ModifyPlan planned for the demo upgrade: 238.03 now.
func planned(t *testing.T, invoices ...Invoice) *Fields {
	t.Helper()
	q := &Quote{Price: &client.PriceChange{Amount: client.MustAmount("238.03"), RecurringAmount: client.MustAmount("1188"),
		CurrencyCode: "SEK", BillingCycle: "annually"}, FromName: "Start", ToName: "Business", InvoicesToCancel: invoices}
	pc, d := priceChangeOf(q).ToTerraform(context.Background())
	if d.HasError() {
		t.Fatal(d)
	}
	return &Fields{MaxAmount: types.NumberNull(), PriceChange: pc, PriceStatus: types.StringValue(StatusPreviewed),
		LastOrder: types.ObjectUnknown(orderAttrTypes)}
}

func invoiced(amount string) *Receipt {
	o := NewOrder("ord_1", "inv_1")
	o.SetCharged(client.MustAmount(amount), "SEK")
	return &Receipt{From: "webbhotell-start", To: "webbhotell-business", Invoiced: true, Charged: client.MustAmount(amount), Order: o}
}

func text(diags diag.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Summary() + ": " + d.Detail() + "\n")
	}
	return b.String()
}

func expectText(t *testing.T, got string, fragments ...string) {
	t.Helper()
	for _, f := range fragments {
		if !strings.Contains(got, f) {
			t.Errorf("want %q in:\n%s", f, got)
		}
	}
}

var noGuards = Guards{MaxAmount: types.NumberNull(), AllowDowngrade: types.BoolValue(false), CancelExistingInvoice: types.BoolValue(false)}

func TestFlowApply(t *testing.T) {
	lost := &client.RequestError{MayHaveReachedServer: true, Err: errors.New("EOF")}
	for _, tc := range []struct {
		name        string
		script      func() *script
		guards      Guards
		want        Outcome
		wantCommits int
		wantText    []string
		wantError   bool
	}{{
		name: "bought as previewed",
		script: func() *script {
			s := newScript("webbhotell-business", "238.03")
			s.receipt = invoiced("238.03")
			return s
		},
		want:        Bought,
		wantCommits: 1,
	}, {
		name:      "price moved since the plan: nothing sent",
		script:    func() *script { return newScript("webbhotell-business", "403.65") },
		want:      Refused,
		wantText:  []string{"Price changed since the plan", "238.03 SEK", "403.65 SEK", "Nothing was bought"},
		wantError: true,
	}, {
		name: "became a downgrade since the plan, naming what it lowers: nothing sent",
		script: func() *script {
			s := newScript("webbhotell-business", "238.03")
			s.downgrade, s.lowers = true, []string{"backupSlots 7 → 0"}
			return s
		},
		want:      Refused,
		wantText:  []string{"Downgrade not allowed", "it lowers backupSlots 7 → 0", "allow_downgrade = true"},
		wantError: true,
	}, {
		name: "another change slipped in before the commit",
		script: func() *script {
			s := newScript("webbhotell-business", "238.03")
			s.receipt = invoiced("403.65")
			s.receipt.From = "webbhotell-mini"
			return s
		},
		want:        Mismatch,
		wantCommits: 1,
		wantText:    []string{"different change than planned", "from webbhotell-mini, not from webbhotell-start", "invoiced 403.65 SEK", "said 238.03", "tainted"},
		wantError:   true,
	}, {
		name: "repriced between the check and the commit, beyond max_amount",
		script: func() *script {
			s := newScript("webbhotell-business", "238.03")
			s.receipt = invoiced("760.70")
			return s
		},
		guards:      Guards{MaxAmount: types.NumberValue(bigFloat(t, "600")), AllowDowngrade: types.BoolNull(), CancelExistingInvoice: types.BoolNull()},
		want:        Mismatch,
		wantCommits: 1,
		wantText:    []string{"invoiced 760.7 SEK", "more than max_amount (600)", "order ord_1, invoice inv_1", "cancel the order there"},
		wantError:   true,
	}, {
		name: "no payment invoice where one was due",
		script: func() *script {
			s := newScript("webbhotell-business", "238.03")
			s.receipt = &Receipt{Order: nothingBought()}
			return s
		},
		want:        Mismatch,
		wantCommits: 1,
		wantText:    []string{"made no payment invoice", "238.03 SEK was due"},
		wantError:   true,
	}, {
		name: "a purchase resource warns instead, so that no replacement buys again",
		script: func() *script {
			s := newScript("webbhotell-business", "238.03")
			s.onePurchase = true
			s.receipt = invoiced("250")
			return s
		},
		want:        Bought,
		wantCommits: 1,
		wantText:    []string{"different change than planned", "invoiced 250 SEK", "purchase stands"},
	}, {
		name: "HostUp answers already in place: nothing bought",
		script: func() *script {
			s := newScript("webbhotell-business", "238.03")
			s.receipt = &Receipt{InPlace: true}
			return s
		},
		want:        InPlace,
		wantCommits: 1,
		wantText:    []string{"Already in place: nothing was bought", StatusNothingBought},
	}, {
		name: "answer lost, change confirmed",
		script: func() *script {
			s := newScript("webbhotell-business", "238.03")
			s.commitErr, s.confirmation = lost, Confirmed
			return s
		},
		want:        AnswerLost,
		wantCommits: 1,
		wantText:    []string{"answer was lost", "lost its answer"},
	}, {
		name: "timed out, HostUp shows nothing yet: never concluded at once",
		script: func() *script {
			s := newScript("webbhotell-business", "238.03")
			s.commitErr = &client.RequestError{MayHaveReachedServer: true, Err: context.DeadlineExceeded}
			s.confirmation = NotCarriedOut
			return s
		},
		want:        Uncertain,
		wantCommits: 1,
		wantText:    []string{"Change may not have been carried out", "timed out before HostUp answered", "Nothing was resent", "State records the attempt"},
		wantError:   true,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			flow := NewFlow(NewLedger())
			s := tc.script()
			flow.onePurchase = s.onePurchase
			guards := tc.guards
			if guards == (Guards{}) {
				guards = noGuards
			}
			var diags diag.Diagnostics
			got := flow.apply(context.Background(), planned(t), guards, s, "", &diags)
			if got != tc.want || s.commits != tc.wantCommits || diags.HasError() != tc.wantError {
				t.Fatalf("outcome %d, %d commits, error %v; want %d, %d, %v\n%s", got, s.commits, diags.HasError(), tc.want, tc.wantCommits, tc.wantError, text(diags))
			}
			expectText(t, text(diags), tc.wantText...)
		})
	}
}

// After Ctrl-C the purchase's context is cancelled; the read that tells the
// user what happened must still run.
func TestFlowConfirmOutlivesCancel(t *testing.T) {
	flow := NewFlow(NewLedger())
	s := newScript("webbhotell-business", "238.03")
	s.commitErr, s.confirmation = &client.RequestError{MayHaveReachedServer: true, Err: context.Canceled}, Confirmed
	ctx, cancel := context.WithCancel(context.Background())
	s.onCommit = cancel // Ctrl-C while the commit is in flight
	var diags diag.Diagnostics
	if got := flow.apply(ctx, planned(t), noGuards, s, "", &diags); got != AnswerLost {
		t.Fatalf("outcome %d, want the answer lost and confirmed\n%s", got, text(diags))
	}
	if len(s.confirmCtxErrs) != 1 || s.confirmCtxErrs[0] != nil {
		t.Errorf("confirm ran with context errors %v, want one live context", s.confirmCtxErrs)
	}
}

// The invoices a change cancels are part of what the plan showed: a
// different set at apply stops it before anything is sent, and an invoice
// this run's own purchase created is never cancelled.
func TestFlowInvoicesToCancel(t *testing.T) {
	ctx := context.Background()
	optIn := Guards{MaxAmount: types.NumberNull(), AllowDowngrade: types.BoolValue(false), CancelExistingInvoice: types.BoolValue(true)}
	storage := Invoice{ID: "inv_storage", Number: "202600002", Amount: client.MustAmount("49"), CurrencyCode: "SEK"}

	t.Run("a new invoice since the plan", func(t *testing.T) {
		s := newScript("webbhotell-business", "238.03")
		s.invoices, s.receipt = []Invoice{storage}, invoiced("238.03")
		var diags diag.Diagnostics
		if got := NewFlow(NewLedger()).apply(ctx, planned(t), optIn, s, "", &diags); got != Refused || s.commits != 0 {
			t.Fatalf("outcome %d, %d commits; want refused with none\n%s", got, s.commits, text(diags))
		}
		expectText(t, text(diags), "Price changed since the plan", "cancels no invoice", "cancels inv_storage", "Nothing was bought")
	})
	t.Run("the planned invoices", func(t *testing.T) {
		s := newScript("webbhotell-business", "238.03")
		s.invoices, s.receipt = []Invoice{storage}, invoiced("238.03")
		var diags diag.Diagnostics
		if got := NewFlow(NewLedger()).apply(ctx, planned(t, storage), optIn, s, "", &diags); got != Bought || s.commits != 1 {
			t.Fatalf("outcome %d, %d commits; want bought once\n%s", got, s.commits, text(diags))
		}
	})
	t.Run("not opted in: none named, none cancelled", func(t *testing.T) {
		s := newScript("webbhotell-business", "238.03")
		s.invoices = []Invoice{storage}
		var diags diag.Diagnostics
		p := &Fields{MaxAmount: types.NumberNull()}
		q := NewFlow(NewLedger()).plan(ctx, p, noGuards, s, &diags)
		if q == nil || len(q.InvoicesToCancel) != 0 {
			t.Fatalf("quote %+v\n%s", q, text(diags))
		}
	})
	t.Run("an invoice this run bought", func(t *testing.T) {
		ledger := NewLedger()
		first := newScript("webbhotell-business", "238.03")
		first.receipt = invoiced("238.03")
		var diags diag.Diagnostics
		if got := NewFlow(ledger).apply(ctx, planned(t), noGuards, first, "", &diags); got != Bought {
			t.Fatalf("first change: %d\n%s", got, text(diags))
		}
		second := newScript("webbhotell-premium", "238.03")
		second.invoices = []Invoice{{ID: "inv_1", Amount: client.MustAmount("238.03"), CurrencyCode: "SEK"}}
		diags = nil
		if got := NewFlow(ledger).apply(ctx, planned(t, second.invoices...), optIn, second, "", &diags); got != Refused || second.commits != 0 {
			t.Fatalf("second change: outcome %d with %d commits, want refused with none", got, second.commits)
		}
		expectText(t, text(diags), "Would cancel an invoice this run created", "inv_1", "nothing was bought")
	})
	t.Run("the plan names each, and a managed order's invoice as such", func(t *testing.T) {
		ledger := NewLedger()
		ledger.NoteInvoiceOwner("inv_storage", "storage order ord_9")
		s := newScript("webbhotell-business", "238.03")
		s.invoices = []Invoice{storage}
		var diags diag.Diagnostics
		p := &Fields{MaxAmount: types.NumberNull()}
		NewFlow(ledger).plan(ctx, p, optIn, s, &diags)
		var pc priceChangeModel
		p.PriceChange.As(ctx, &pc, basetypesObjectAsOptions)
		if ids := invoiceIDs(pc.InvoicesToCancel); len(ids) != 1 || ids[0] != "inv_storage" {
			t.Errorf("invoices_to_cancel %v", ids)
		}
		expectText(t, text(diags), "This change cancels unpaid invoices", "inv_storage (number 202600002, 49 SEK)",
			"it bills storage order ord_9, which this configuration manages", "cancels exactly these")
		expectText(t, pc.Summary.ValueString(), "cancels 1 unpaid invoice")
	})
}

// An unknown allow_downgrade is not treated as false: the message says it
// must be known.
func TestDowngradeGuardWithUnknownOptIn(t *testing.T) {
	var diags diag.Diagnostics
	q := &Quote{Downgrade: true, FromName: "Start", ToName: "Mini"}
	s := newScript("webbhotell-mini", "0")
	if NewFlow(NewLedger()).checkGuards(q, Guards{AllowDowngrade: types.BoolUnknown()}, s.About(), &diags) {
		t.Fatal("an unknown opt-in allowed a downgrade")
	}
	got := text(diags)
	expectText(t, got, "allow_downgrade must be known to plan a downgrade", "only known after apply")
	if strings.Contains(got, "Set allow_downgrade = true") {
		t.Errorf("the message tells the user to set what may already be set:\n%s", got)
	}
}

func TestSpendGuard(t *testing.T) {
	flow := NewFlow(NewLedger())
	about := newScript("webbhotell-business", "0").About()
	for _, tc := range []struct {
		limit  types.Number
		amount string
		want   bool
	}{
		{types.NumberNull(), "1000000", true},
		{types.NumberUnknown(), "1000000", true},
		{types.NumberValue(bigFloat(t, "238.03")), "238.03", true}, // equal is allowed
		{types.NumberValue(bigFloat(t, "238.02")), "238.03", false},
		{types.NumberValue(bigFloat(t, "0")), "-165.63", true}, // a credit never exceeds
		{types.NumberValue(bigFloat(t, "0")), "0.01", false},
	} {
		var diags diag.Diagnostics
		q := &Quote{Price: &client.PriceChange{Amount: client.MustAmount(tc.amount), CurrencyCode: "SEK"}}
		if got := flow.checkGuards(q, Guards{MaxAmount: tc.limit}, about, &diags); got != tc.want || got == diags.HasError() {
			t.Errorf("checkGuards(%v, %s) = %v, want %v (%v)", tc.limit, tc.amount, got, tc.want, diags)
		}
	}
}

func TestPlanUnknownInputs(t *testing.T) {
	flow := NewFlow(NewLedger())
	for _, tc := range []struct {
		name       string
		maxAmount  types.Number
		wantStatus types.String
		wantText   []string
	}{
		{"unbounded", types.NumberNull(), types.StringValue(StatusUnpriced), []string{"will not be bought", "price_status", "set max_amount"}},
		{"bounded", types.NumberValue(bigFloat(t, "300")), types.StringUnknown(), []string{"Price unknown until apply", "at most max_amount (300)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &Fields{MaxAmount: tc.maxAmount}
			var diags diag.Diagnostics
			flow.planUnknown(p, "plan", path.Root("product_slug"), &diags)
			if !p.PriceStatus.Equal(tc.wantStatus) || !p.PriceChange.IsUnknown() || !p.pending() || diags.HasError() {
				t.Fatalf("%+v %v", p, diags)
			}
			expectText(t, text(diags), tc.wantText...)
		})
	}
}

// Two changes planned on one account in one run: the plan warns on the
// second, naming the account once; once the first is bought, the second is
// refused before any write with a message that says why and that the next
// plan prices it.
func TestFlowTwoChangesOnOneSubject(t *testing.T) {
	ctx := context.Background()
	planRun := NewFlow(NewLedger())
	first := newScript("webbhotell-business", "238.03")
	first.receipt = invoiced("238.03")
	second := newScript("webbhotell-premium", "238.03")

	var diags diag.Diagnostics
	planRun.plan(ctx, &Fields{MaxAmount: types.NumberNull()}, noGuards, first, &diags)
	if len(diags) != 0 {
		t.Fatalf("the first change planned alone warns:\n%s", text(diags))
	}
	planRun.plan(ctx, &Fields{MaxAmount: types.NumberNull()}, noGuards, second, &diags)
	expectText(t, text(diags), "Two paid changes to one account or VM: This run also plans to move account acct_test to webbhotell-business",
		"the apply refuses it if the other changes its price; the next plan prices it again")
	if diags.HasError() || strings.Count(text(diags), "acct_test") != 2 {
		t.Fatalf("want one warning naming the account once per change:\n%s", text(diags))
	}

	applyRun := NewFlow(NewLedger())
	diags = nil
	if got := applyRun.apply(ctx, planned(t), noGuards, first, "", &diags); got != Bought {
		t.Fatalf("first change: %d\n%s", got, text(diags))
	}
	second.price = "403.65" // previewed against the plan before the first change
	diags = nil
	applyRun.plan(ctx, &Fields{MaxAmount: types.NumberNull()}, noGuards, second, &diags)
	expectText(t, text(diags), "Another paid change was bought first", "inconsistent final plan")
	diags = nil
	if got := applyRun.apply(ctx, planned(t), noGuards, second, "", &diags); got != Refused || second.commits != 0 {
		t.Fatalf("second change: outcome %d with %d commits, want refused with none\n%s", got, second.commits, text(diags))
	}
	expectText(t, text(diags), "Another paid change was bought first", "already bought another change, to move account acct_test to webbhotell-business.",
		"nothing was bought for it", "The next terraform plan prices it again", "Price changed since the plan", "403.65 SEK")

	// A refusal by HostUp (the first change's invoice now blocks) says the same.
	second.refuse = "An unpaid invoice blocks the change"
	diags = nil
	applyRun.plan(ctx, &Fields{MaxAmount: types.NumberNull()}, noGuards, second, &diags)
	expectText(t, text(diags), "was bought first", "The next terraform plan prices it again", "An unpaid invoice blocks the change")
}

// One account addressed by two ids in one run: the second change planned
// to it is refused, naming both ids.
func TestFlowOneAccountUnderTwoIDs(t *testing.T) {
	ctx := context.Background()
	flow := NewFlow(NewLedger())
	byV2 := newScript("webbhotell-business", "238.03")
	byV2.canonical = "the hosting account of example.com"
	byV1 := newScript("1913", "0")
	byV1.about.Subject, byV1.about.LockKey, byV1.canonical = "account 20000", "hosting:20000", byV2.canonical

	var diags diag.Diagnostics
	if flow.plan(ctx, &Fields{MaxAmount: types.NumberNull()}, noGuards, byV2, &diags) == nil || diags.HasError() {
		t.Fatalf("the first id: %s", text(diags))
	}
	if flow.plan(ctx, &Fields{MaxAmount: types.NumberNull()}, noGuards, byV1, &diags) != nil || !diags.HasError() {
		t.Fatalf("the second id was planned: %s", text(diags))
	}
	expectText(t, text(diags), "One account or VM under two ids", "Account acct_test and account 20000 are the same (the hosting account of example.com)")
}

func TestSummary(t *testing.T) {
	q := &Quote{Price: &client.PriceChange{Amount: client.MustAmount("238.03"), RecurringAmount: client.MustAmount("1188"),
		CurrencyCode: "SEK", BillingCycle: "annually"}, FromName: "Start (webbhotell-start)", ToName: "Business (webbhotell-business)"}
	if got, want := summarize(q), "Start → Business: 238.03 SEK due now, then 1188 SEK annually"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	q.Price.Amount, q.FromName = client.MustAmount("-120.50"), ""
	if got, want := summarize(q), "Business (webbhotell-business): 120.5 SEK credited now, then 1188 SEK annually"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
}

func TestPriceChangeSameAs(t *testing.T) {
	a := priceChangeOf(&Quote{Price: &client.PriceChange{Amount: client.MustAmount("238.03"), RecurringAmount: client.MustAmount("1188"), CurrencyCode: "SEK", BillingCycle: "annually"}})
	b := priceChangeOf(&Quote{Price: &client.PriceChange{Amount: client.MustAmount("238.030"), RecurringAmount: client.MustAmount("1188.00"), CurrencyCode: "SEK", BillingCycle: "annually"}})
	if !a.sameAs(b) {
		t.Error("the same amounts written differently must compare equal")
	}
	c := b
	c.Amount = types.NumberValue(bigFloat(t, "297.53"))
	if a.sameAs(c) {
		t.Error("a changed amount must not compare equal")
	}
}
