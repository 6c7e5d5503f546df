// Package purchase is the engine every paid HostUp resource runs on: the
// money rules, written once, and the whole Terraform lifecycle of a resource
// that buys something.
//
// A resource embeds a Resource, which implements Configure, ModifyPlan,
// Create, Update, Read, Delete and ImportState. The resource supplies a Kind:
// a Descriptor (type name, noun, which attributes name the subject, the
// target and the identity, what destroying leaves behind), its own schema
// attributes, how to read itself from HostUp, and a Change for each paid
// change, with typed steps: Inspect, Price, Commit and Confirm.
//
// The lifecycle of one paid change:
//
//	plan     Inspect ─▶ guards ─▶ Price ─▶ guards ─▶ price_change, known in the plan
//	            (nothing to buy: empty plan, no request)
//	apply    lock the account or VM
//	           └─▶ Inspect ─▶ Price again ─▶ same price and invoices as planned?
//	                 └─▶ Commit once ─▶ check HostUp's answer against the quote
//	                       └─▶ record: last_order, or the truth HostUp reports
//	lost     an answer that may be lost is confirmed by reading (Confirm),
//	         never by sending again; until HostUp shows what happened, every
//	         refresh of the resource stops with an error.
//
// Terraform calls ModifyPlan at plan time and again at apply time, and
// refuses an apply whose planned known values changed in between ("Provider
// produced inconsistent final plan"): a price that moved between plan and
// apply stops the purchase before anything is sent.
package purchase
