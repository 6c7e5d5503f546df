package provider

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

// fakeChange is a paidChange whose HostUp is a script: what inspect and
// price answer, what the commit answers, and what a confirming read says.
type fakeChange struct {
	from, to    string
	price       string
	downgrade   bool
	inPlace     bool
	receipt     *receipt
	commitErr   error
	confirmed   bool
	commits     int
	confirms    int
	confirmCtxs []error
}

func (f *fakeChange) change(purchase bool) *paidChange {
	return &paidChange{
		subject:   "account acct_test",
		lockKey:   "hosting:acct_test",
		action:    "move account acct_test to " + f.to,
		attribute: path.Root("product_slug"),
		purchase:  purchase,
		inspect: func(context.Context, *diag.Diagnostics) *quote {
			return &quote{from: f.from, to: f.to, inPlace: f.inPlace, downgrade: f.downgrade}
		},
		price: func(_ context.Context, q *quote, _ *diag.Diagnostics) bool {
			q.price = &client.PriceChange{Amount: client.MustAmount(f.price), RecurringAmount: client.MustAmount("1188"),
				CurrencyCode: "SEK", BillingCycle: "annually"}
			return true
		},
		commit: func(context.Context, *quote) (*receipt, error) {
			f.commits++
			return f.receipt, f.commitErr
		},
		confirm: func(ctx context.Context) (bool, error) {
			f.confirms++
			f.confirmCtxs = append(f.confirmCtxs, ctx.Err())
			return f.confirmed, nil
		},
	}
}

// plannedFields is what ModifyPlan planned for the demo upgrade, which
// costs 238.03 now.
func plannedFields(t *testing.T) *purchaseFields {
	t.Helper()
	pc, d := priceChangeValue(context.Background(), client.PriceChange{Amount: client.MustAmount("238.03"),
		RecurringAmount: client.MustAmount("1188"), CurrencyCode: "SEK", BillingCycle: "annually"})
	if d.HasError() {
		t.Fatal(d)
	}
	return &purchaseFields{MaxAmount: types.NumberNull(), PriceChange: pc,
		PriceStatus: types.StringValue(priceStatusPreviewed), LastOrder: types.ObjectUnknown(lastOrderAttrTypes)}
}

func invoiced(amount string) *receipt {
	return &receipt{from: "webbhotell-start", to: "webbhotell-business", invoiced: true, charged: client.MustAmount(amount),
		lastOrder: lastOrderModel{OrderID: types.StringValue("ord_1"), InvoiceID: types.StringValue("inv_1"),
			InvoiceNumber: types.StringNull(), Amount: numberValue(client.MustAmount(amount)), CurrencyCode: types.StringValue("SEK"),
			DueAt: types.StringNull(), Status: types.StringValue("unpaid"), PaymentURL: types.StringNull()}}
}

func allText(diags diag.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Summary() + ": " + d.Detail() + "\n")
	}
	return b.String()
}

func TestPurchaseFlowApply(t *testing.T) {
	noGuards := changeGuards{maxAmount: types.NumberNull(), allowDowngrade: types.BoolValue(false), cancelExistingInvoice: types.BoolValue(false)}
	for _, tc := range []struct {
		name        string
		fake        fakeChange
		purchase    bool
		want        applyOutcome
		wantCommits int
		wantText    []string
		wantError   bool
	}{{
		name:        "bought as previewed",
		fake:        fakeChange{from: "webbhotell-start", to: "webbhotell-business", price: "238.03", receipt: invoiced("238.03")},
		want:        outcomeBought,
		wantCommits: 1,
	}, {
		name:      "price moved since the plan: nothing sent",
		fake:      fakeChange{from: "webbhotell-start", to: "webbhotell-business", price: "403.65", receipt: invoiced("403.65")},
		want:      outcomeRefused,
		wantText:  []string{"Price changed since the plan", "238.03 SEK", "403.65 SEK", "Nothing was bought"},
		wantError: true,
	}, {
		name:      "became a downgrade since the plan: nothing sent",
		fake:      fakeChange{from: "webbhotell-premium", to: "webbhotell-business", price: "238.03", downgrade: true},
		want:      outcomeRefused,
		wantText:  []string{"Downgrade not allowed", "allow_downgrade = true"},
		wantError: true,
	}, {
		name: "another change slipped in before the commit",
		fake: fakeChange{from: "webbhotell-start", to: "webbhotell-business", price: "238.03",
			receipt: func() *receipt { r := invoiced("403.65"); r.from = "webbhotell-mini"; return r }()},
		want:        outcomeMismatch,
		wantCommits: 1,
		wantText:    []string{"different change than planned", "from webbhotell-mini, not from webbhotell-start", "invoiced 403.65 SEK", "said 238.03", "tainted"},
		wantError:   true,
	}, {
		name: "no payment invoice where one was due",
		fake: fakeChange{from: "webbhotell-start", to: "webbhotell-business", price: "238.03",
			receipt: &receipt{from: "webbhotell-premium", to: "webbhotell-business", lastOrder: nothingBought()}},
		want:        outcomeMismatch,
		wantCommits: 1,
		wantText:    []string{"made no payment invoice", "238.03 SEK was due"},
		wantError:   true,
	}, {
		name: "a purchase resource warns instead, so that no replacement buys again",
		fake: fakeChange{from: "webbhotell-start", to: "webbhotell-business", price: "238.03",
			receipt: invoiced("250")},
		purchase:    true,
		want:        outcomeBought,
		wantCommits: 1,
		wantText:    []string{"different change than planned", "invoiced 250 SEK", "purchase stands"},
	}, {
		name:        "HostUp answers already in place: nothing bought",
		fake:        fakeChange{from: "webbhotell-start", to: "webbhotell-business", price: "238.03", receipt: &receipt{inPlace: true}},
		want:        outcomeInPlace,
		wantCommits: 1,
		wantText:    []string{"Already in place: nothing was bought", lastOrderNothingBought},
	}, {
		name:        "answer lost, change confirmed",
		fake:        fakeChange{from: "webbhotell-start", to: "webbhotell-business", price: "238.03", commitErr: &client.RequestError{MayHaveReachedServer: true, Err: errors.New("EOF")}, confirmed: true},
		want:        outcomeConfirmed,
		wantCommits: 1,
		wantText:    []string{"answer was lost", "lost its answer"},
	}, {
		name:        "timed out, not confirmed",
		fake:        fakeChange{from: "webbhotell-start", to: "webbhotell-business", price: "238.03", commitErr: &client.RequestError{MayHaveReachedServer: true, Err: context.DeadlineExceeded}},
		want:        outcomeUncertain,
		wantCommits: 1,
		wantText:    []string{"Change may not have been carried out", "timed out before HostUp answered", "Nothing was resent"},
		wantError:   true,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			flow := &purchaseFlow{ledger: newPurchaseLedger()}
			fake := tc.fake
			p := plannedFields(t)
			var diags diag.Diagnostics
			got := flow.apply(context.Background(), p, noGuards, fake.change(tc.purchase), &diags)
			if got != tc.want || fake.commits != tc.wantCommits || diags.HasError() != tc.wantError {
				t.Fatalf("outcome %d, %d commits, error %v; want %d, %d, %v\n%s", got, fake.commits, diags.HasError(), tc.want, tc.wantCommits, tc.wantError, allText(diags))
			}
			expectOutput(t, allText(diags), tc.wantText...)
		})
	}
}

// After Ctrl-C the purchase's context is cancelled; the read that tells the
// user what happened must still run.
func TestPurchaseFlowConfirmOutlivesCancel(t *testing.T) {
	flow := &purchaseFlow{ledger: newPurchaseLedger()}
	fake := fakeChange{from: "webbhotell-start", to: "webbhotell-business", price: "238.03",
		commitErr: &client.RequestError{MayHaveReachedServer: true, Err: context.Canceled}, confirmed: true}
	ctx, cancel := context.WithCancel(context.Background())
	ch := fake.change(false)
	commit := ch.commit
	ch.commit = func(c context.Context, q *quote) (*receipt, error) {
		cancel() // Ctrl-C while the commit is in flight
		return commit(c, q)
	}
	var diags diag.Diagnostics
	if got := flow.apply(ctx, plannedFields(t), changeGuards{}, ch, &diags); got != outcomeConfirmed {
		t.Fatalf("outcome %d, want confirmed\n%s", got, allText(diags))
	}
	if len(fake.confirmCtxs) != 1 || fake.confirmCtxs[0] != nil {
		t.Errorf("confirm ran with context errors %v, want one live context", fake.confirmCtxs)
	}
}

// An invoice bought earlier in this run is never cancelled by a later
// change on the same account that opted into cancelling invoices.
func TestPurchaseFlowNeverCancelsItsOwnInvoice(t *testing.T) {
	flow := &purchaseFlow{ledger: newPurchaseLedger()}
	first := fakeChange{from: "webbhotell-start", to: "webbhotell-business", price: "238.03", receipt: invoiced("238.03")}
	var diags diag.Diagnostics
	if got := flow.apply(context.Background(), plannedFields(t), changeGuards{}, first.change(false), &diags); got != outcomeBought {
		t.Fatalf("first change: %d\n%s", got, allText(diags))
	}
	second := fakeChange{from: "webbhotell-start", to: "webbhotell-business", price: "238.03", receipt: invoiced("238.03")}
	guards := changeGuards{cancelExistingInvoice: types.BoolValue(true)}
	diags = nil
	if got := flow.apply(context.Background(), plannedFields(t), guards, second.change(false), &diags); got != outcomeRefused || second.commits != 0 {
		t.Fatalf("second change: outcome %d with %d commits, want refused with 0", got, second.commits)
	}
	expectOutput(t, allText(diags), "Would cancel an invoice this run created", "inv_1", "nothing was bought")
}

// An unknown allow_downgrade is not treated as false: the message says it
// must be known.
func TestDowngradeGuardWithUnknownOptIn(t *testing.T) {
	flow := &purchaseFlow{ledger: newPurchaseLedger()}
	var diags diag.Diagnostics
	q := &quote{downgrade: true, fromName: "Start", toName: "Mini"}
	if flow.checkGuards(q, changeGuards{allowDowngrade: types.BoolUnknown()}, (&fakeChange{to: "webbhotell-mini"}).change(false), &diags) {
		t.Fatal("an unknown opt-in allowed a downgrade")
	}
	text := allText(diags)
	expectOutput(t, text, "allow_downgrade must be known to plan a downgrade", "only known after apply")
	if strings.Contains(text, "Set allow_downgrade = true") {
		t.Errorf("the message tells the user to set what may already be set:\n%s", text)
	}
}

func TestPlanUnknownInputs(t *testing.T) {
	flow := &purchaseFlow{ledger: newPurchaseLedger()}
	for _, tc := range []struct {
		name       string
		maxAmount  types.Number
		wantStatus types.String
		wantText   []string
	}{
		{"unbounded", types.NumberNull(), types.StringValue(priceStatusUnpriced), []string{"will not be bought", "price_status", "set max_amount"}},
		{"bounded", mustNumber(t, "300"), types.StringUnknown(), []string{"Price unknown until apply", "at most max_amount (300)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &purchaseFields{MaxAmount: tc.maxAmount}
			var diags diag.Diagnostics
			flow.planUnknown(p, "plan", path.Root("product_slug"), &diags)
			if !p.PriceStatus.Equal(tc.wantStatus) || !p.PriceChange.IsUnknown() || !p.pending() || diags.HasError() {
				t.Fatalf("%+v %v", p, diags)
			}
			expectOutput(t, allText(diags), tc.wantText...)
		})
	}
}

// Two changes planned on one account in one run: the plan warns on the
// second; once the first is bought, the second is refused before any write
// with a message that says why and that the next plan prices it.
func TestPurchaseFlowTwoChangesOnOneSubject(t *testing.T) {
	ctx := context.Background()
	noGuards := changeGuards{maxAmount: types.NumberNull(), allowDowngrade: types.BoolValue(false), cancelExistingInvoice: types.BoolValue(false)}
	planRun := &purchaseFlow{ledger: newPurchaseLedger()}
	first := fakeChange{from: "webbhotell-start", to: "webbhotell-business", price: "238.03", receipt: invoiced("238.03")}
	second := fakeChange{from: "webbhotell-start", to: "webbhotell-premium", price: "238.03"}

	var diags diag.Diagnostics
	planRun.plan(ctx, plannedFields(t), noGuards, first.change(false), &diags)
	if len(diags) != 0 {
		t.Fatalf("the first change planned alone warns:\n%s", allText(diags))
	}
	planRun.plan(ctx, plannedFields(t), noGuards, second.change(false), &diags)
	expectOutput(t, allText(diags), "Account acct_test has another paid change planned in this run (to move account acct_test to webbhotell-business)",
		"the apply will refuse this one if the other changes its price; the next plan prices it again")
	if diags.HasError() {
		t.Fatalf("the warning is an error:\n%s", allText(diags))
	}

	applyRun := &purchaseFlow{ledger: newPurchaseLedger()}
	diags = nil
	if got := applyRun.apply(ctx, plannedFields(t), noGuards, first.change(false), &diags); got != outcomeBought {
		t.Fatalf("first change: %d\n%s", got, allText(diags))
	}
	second.price = "403.65" // previewed against the plan before the first change
	// Terraform's apply-time plan of the second change, after the first was bought.
	diags = nil
	applyRun.plan(ctx, plannedFields(t), noGuards, second.change(false), &diags)
	expectOutput(t, allText(diags), "Another paid change to account acct_test was bought first", "inconsistent final plan")
	diags = nil
	if got := applyRun.apply(ctx, plannedFields(t), noGuards, second.change(false), &diags); got != outcomeRefused || second.commits != 0 {
		t.Fatalf("second change: outcome %d with %d commits, want refused with 0\n%s", got, second.commits, allText(diags))
	}
	expectOutput(t, allText(diags), "Another paid change to account acct_test was bought first",
		"(to move account acct_test to webbhotell-business)", "nothing was bought for it", "The next terraform plan prices it again",
		"Price changed since the plan", "403.65 SEK")

	// A refusal by HostUp (the first change's invoice now blocks) says the same.
	blocked := second.change(false)
	blocked.inspect = func(_ context.Context, d *diag.Diagnostics) *quote {
		d.AddError("An unpaid invoice blocks the change", "HostUp refuses")
		return nil
	}
	diags = nil
	applyRun.plan(ctx, plannedFields(t), noGuards, blocked, &diags)
	expectOutput(t, allText(diags), "was bought first", "The next terraform plan prices it again", "An unpaid invoice blocks the change")
}
