package hostupsim

// The documented form of each route's success answer, for lean mode (see
// lean.go for the rule). Keys are listed as HostUp documents them; the
// simulator may send fewer.

// fields builds an object shape from keys that keep their values, plus the
// keys given a shape of their own in more.
func fields(keys []string, more map[string]*shape) *shape {
	all := make(map[string]*shape, len(keys)+len(more))
	for _, k := range keys {
		all[k] = kept
	}
	for k, sh := range more {
		all[k] = sh
	}
	return obj(all)
}

// v1Answer wraps data in the v1 success envelope.
func v1Answer(data *shape) *shape {
	return fields([]string{"success", "timestamp", "requestId"}, map[string]*shape{"data": data})
}

var (
	// leanGate is an action gate, {allowed, reason, code} as canUpgrade and
	// canAddStorage document it.
	leanGate = fields([]string{"allowed", "reason", "code"}, nil)

	leanBilling = fields([]string{"amount", "currencyCode", "billingCycle"}, nil)

	// leanInvoice is an invoice as the plan change's paymentInvoice example
	// shows it. Its number is shown as a string and typed nowhere.
	leanInvoice = fields([]string{"id", "amount", "currencyCode", "dueAt", "status", "paymentUrl"},
		map[string]*shape{"number": either})

	leanProductRef = fields([]string{"slug", "name"}, nil)

	leanPriceChange = fields([]string{"amount", "recurringAmount", "currencyCode", "billingCycle"}, nil)

	leanAccount = fields([]string{"id", "name", "primaryDomain", "domains", "customName", "serviceStatus",
		"createdAt", "nextDueAt", "expiresAt"}, map[string]*shape{"billing": leanBilling})

	// leanVPSSummary is a v2 VPS without its options; its sizes are untyped.
	leanVPSSummary = fields([]string{"id", "hostname", "status"}, map[string]*shape{
		"plan":    fields([]string{"productSlug", "name"}, nil),
		"billing": leanBilling,
		"specs":   fields(nil, map[string]*shape{"cpu": either, "ramMb": either, "diskGb": either, "bandwidthGb": either}),
	})

	leanVPS = fields([]string{"id", "hostname", "status"}, map[string]*shape{
		"plan":    leanVPSSummary.fields["plan"],
		"billing": leanBilling,
		"specs":   leanVPSSummary.fields["specs"],
		"options": fields([]string{"ipv6"}, map[string]*shape{"bandwidthGb": either, "backupSlots": either,
			"snapshotSlots": either, "ipv4Count": either, "additionalStorageGb": either}),
	})

	// leanVPSChange answers both VPS change routes.
	leanVPSChange = fields([]string{"dryRun"}, map[string]*shape{
		"priceChange":    fields([]string{"amount", "recurringAmount", "additionalRecurringAmount", "currencyCode"}, nil),
		"paymentInvoice": leanInvoice,
		"actions":        fields(nil, map[string]*shape{"canCommit": leanGate}),
	})

	// leanV1Cycles answers both v1 billing-cycle routes. The account id is a
	// string here and an integer in general; prices are v1 money.
	leanV1Cycles = v1Answer(fields([]string{"current", "currentName", "productId"}, map[string]*shape{
		"accountId":      either,
		"cycles":         arrayOf(fields([]string{"id", "name", "isCurrent", "billingCycle"}, map[string]*shape{"price": either})),
		"accountDetails": fields([]string{"domain", "name"}, map[string]*shape{"total": either}),
	}))

	// leanDraftPrice is a v1 draft's price block: v1 money throughout, the
	// recurring amounts keyed by cycle id.
	leanDraftPrice = fields([]string{"discount_details"}, map[string]*shape{
		"cost": either, "discount": either, "setup": either, "total": either, "total_cost": either,
		"recurring": keyedBy(either), "recurring_cost": keyedBy(either), "recurring_discount": keyedBy(either),
	})

	// leanDraft is the v1 estimate's raw.draft, as far as the simulator
	// fills it; everything in it is documented.
	leanDraft = fields([]string{"id", "client_id", "date", "addons", "domains", "affiliate_id", "commitment_date",
		"contract_id", "customizations", "discount", "dom_customizations", "estimate_id", "module", "scenario_id",
		"staff_member_id"}, map[string]*shape{
		"currency": fields([]string{"code", "decimal", "format", "id", "iso", "rate", "rounding", "rounding_mode", "sign"}, nil),
		"available_recipients": arrayOf(fields([]string{"id", "client_id", "email", "password", "reset_token",
			"reset_expiry", "firstname", "lastname", "address1", "address2", "city", "postcode", "state", "country",
			"countryname", "phonenumber", "cardnum", "cardtype", "expdate", "status"}, nil)),
		"price": leanDraftPrice,
		"services": keyedBy(fields([]string{"id", "name", "product_id", "account_id", "cycle", "recurring", "qty"},
			map[string]*shape{"price": either, "total": leanDraftPrice})),
	})

	// leanVMUpgrade answers the v1 VM upgrade, estimate and commit alike.
	// The order id is documented as "integer | string", the invoice id as a
	// string where v1 ids are integers, and the amounts are v1 money.
	leanVMUpgrade = v1Answer(fields([]string{"success", "upgraded", "estimate", "message", "draftId", "orderNum",
		"credits", "summary", "redirectUrl"}, map[string]*shape{
		"orderId": either, "invoiceId": either, "total": either, "prorated": either, "recurring": either,
		"raw": fields([]string{"success", "call", "server_time", "info", "order_id"}, map[string]*shape{
			"draft": leanDraft,
			"checkout": fields([]string{"gateway", "order_id", "order_num"}, map[string]*shape{
				"invoice_id": either, "total": either, "newtotal": either,
			}),
		}),
	}))
)

// leanShapes is the documented answer of every route.
var leanShapes = map[string]*shape{
	RouteV1HostingBillingCycle: leanV1Cycles,
	RouteV1VMBillingCycle:      leanV1Cycles,
	// The v1 plan change: its order id is an integer on this route and
	// "integer | string" on the VM route, its invoice id a string where v1
	// ids are integers; its total is "string | number".
	RouteV1HostingUpgrade: v1Answer(fields([]string{"message", "orderNum", "redirectUrl"}, map[string]*shape{
		"orderId": either, "invoiceId": either, "total": either,
		"upgradedTo": fields([]string{"productId", "name"}, nil),
	})),
	RouteV2HostingList:    fields([]string{"hasMore", "nextCursor"}, map[string]*shape{"data": arrayOf(leanAccount)}),
	RouteV2HostingAccount: leanAccount,
	RouteV2HostingUpgradeOptions: fields([]string{"accountId", "domain", "currencyCode"}, map[string]*shape{
		"actions":        fields(nil, map[string]*shape{"canUpgrade": leanGate}),
		"currentPackage": fields([]string{"productSlug", "name"}, nil),
		"availableOptions": arrayOf(fields([]string{"productSlug", "name", "type", "available", "reason"},
			map[string]*shape{"billing": leanBilling})),
	}),
	// The plan change: the dry run's schema and the commit's example.
	RouteV2HostingUpgrade: fields([]string{"preview", "upgraded", "orderId"}, map[string]*shape{
		"currentProduct": leanProductRef, "newProduct": leanProductRef, "priceChange": leanPriceChange,
		"paymentInvoice": leanInvoice, "renewalInvoice": leanInvoice,
	}),
	RouteV2HostingBillingCycle: fields([]string{"currentBillingCycle"}, map[string]*shape{
		"cycles":           arrayOf(fields([]string{"billingCycle", "amount", "currencyCode", "isCurrent"}, nil)),
		"blockingInvoices": arrayOf(leanInvoice),
		"actions":          fields(nil, map[string]*shape{"canChangeBillingCycle": leanGate}),
	}),
	RouteV2HostingChangeCycle: fields([]string{"dryRun", "accountId", "currentBillingCycle", "newBillingCycle", "orderId"},
		map[string]*shape{
			"priceChange": leanPriceChange, "actions": fields(nil, map[string]*shape{"canCommit": leanGate}),
			"paymentInvoice": leanInvoice, "renewalInvoice": leanInvoice,
		}),
	RouteV2StorageTiers: fields(nil, map[string]*shape{
		"tiers": arrayOf(fields([]string{"id", "name", "description", "price", "currencyCode", "billingCycle",
			"available", "reason"}, map[string]*shape{"sizeGb": either})),
		"actions": fields(nil, map[string]*shape{"canAddStorage": leanGate}),
		"account": fields([]string{"id", "domain"}, map[string]*shape{"billing": fields([]string{"billingCycle"}, nil)}),
	}),
	RouteV2StorageOrder: fields([]string{"invoiceId", "orderId", "redirectUrl"}, nil),
	RouteV1VMDetails: v1Answer(fields([]string{"product_id", "product_name", "hostname", "status", "billingcycle", "next_due"},
		map[string]*shape{"id": either, "price": either, "cpu": either, "ram": either, "disk": either, "bandwidth_limit": either})),
	RouteV1VMUpgrade: leanVMUpgrade,
	RouteV2VPSList:   fields([]string{"hasMore", "nextCursor"}, map[string]*shape{"data": arrayOf(leanVPSSummary)}),
	RouteV2VPS:       leanVPS,
	// The VPS options read: plans as slugs, and each option's key, type and
	// minimum.
	RouteV2VPSUpgradeOptions: fields(nil, map[string]*shape{
		"availablePlans":      arrayOf(&shape{asField: "productSlug"}),
		"configurableOptions": arrayOf(fields([]string{"key", "type"}, map[string]*shape{"min": either})),
	}),
	RouteV2VPSUpgrade: leanVPSChange,
	RouteV2VPSConfig:  leanVPSChange,
	RouteV2Order: fields([]string{"id", "status", "type", "invoiceId"}, map[string]*shape{
		"number": either, "billing": leanBilling,
	}),
	RouteV2Invoice: leanInvoice,
}
