package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// The paid resources' models: what each takes from HostUp's answers and
// what it asks for.

func TestSharedHostingPlanModelFromAPI(t *testing.T) {
	var m sharedHostingPlanModel
	m.FromAPI(&client.UpgradeOptions{Domain: "shop.example.se",
		CurrentPackage: client.Package{ProductSlug: "webbhotell-start", Name: "Start"}},
		&client.SharedHostingAccount{ServiceStatus: "active"})
	if m.ProductSlug.ValueString() != "webbhotell-start" || m.Domain.ValueString() != "shop.example.se" ||
		m.ServiceStatus.ValueString() != "active" || !m.ProductID.IsNull() {
		t.Errorf("model: %+v", m)
	}
	if want := productValue("webbhotell-start", "Start"); !m.CurrentProduct.Equal(want) {
		t.Errorf("current_product = %v, want %v", m.CurrentProduct, want)
	}
	if m.Imported() {
		t.Error("a model read from HostUp is not an import")
	}
}

func TestSharedHostingPlanModelFromV1(t *testing.T) {
	var m sharedHostingPlanModel
	m.ServiceStatus = types.StringValue("active")
	m.FromV1(&client.BillingCycleInfo{ProductID: "1912", AccountDetails: client.BillingCycleAccount{Domain: "example.com"}})
	if m.ProductID.ValueString() != "1912" || m.Domain.ValueString() != "example.com" || !m.ServiceStatus.IsNull() {
		t.Errorf("v1 reports no service status; model: %+v", m)
	}
	// A v1 answer without the product's name leaves it null, not "".
	if want := productValue("1912", ""); !m.CurrentProduct.Equal(want) {
		t.Errorf("current_product = %v, want %v", m.CurrentProduct, want)
	}
}

func TestSharedHostingPlanModelToAPI(t *testing.T) {
	m := sharedHostingPlanModel{ProductSlug: types.StringValue("webbhotell-business"), CancelExistingInvoice: types.BoolValue(true)}
	if got := m.ToAPI(); got != (client.SharedHostingUpgrade{ProductSlug: "webbhotell-business", CancelExistingInvoice: true}) {
		t.Errorf("ToAPI = %+v", got)
	}
	if got := m.describeTarget(); got != "webbhotell-business" {
		t.Errorf("describeTarget = %q", got)
	}
	v1 := sharedHostingPlanModel{ProductSlug: types.StringNull(), ProductID: types.StringUnknown()}
	if got := v1.describeTarget(); got != "a product known only after apply" {
		t.Errorf("describeTarget of an unknown product id = %q", got)
	}
}

func TestSharedHostingBillingCycleModel(t *testing.T) {
	var m sharedHostingBillingCycleModel
	if !m.Imported() {
		t.Error("a model with no cycle read is what an import holds")
	}
	m.FromAPI(&client.SharedHostingBillingCycles{CurrentBillingCycle: "annually"})
	if m.BillingCycle.ValueString() != "annually" || m.Imported() {
		t.Errorf("model: %+v", m)
	}
	m.BillingCycle, m.CancelExistingInvoice = types.StringValue("monthly"), types.BoolValue(false)
	if got := m.ToAPI(); got != (client.BillingCycleChange{BillingCycle: "monthly"}) {
		t.Errorf("ToAPI = %+v", got)
	}
}

func TestStorageAddonModel(t *testing.T) {
	m := storageAddonModel{AccountID: types.StringValue("acct_1"), OrderID: types.StringValue("ord_1")}
	if !m.Imported() {
		t.Error("an account and an order, and nothing else, is what an import holds")
	}
	invoice := "inv_1"
	m.FromAPI(&client.Order{ID: "ord_1", Status: "pending", InvoiceID: &invoice})
	if m.OrderStatus.ValueString() != "pending" || m.InvoiceID.ValueString() != "inv_1" {
		t.Errorf("model: %+v", m)
	}
	m.FromAPI(&client.Order{ID: "ord_1", Status: "completed"})
	if !m.InvoiceID.IsNull() {
		t.Errorf("an order without an invoice leaves invoice_id null, got %v", m.InvoiceID)
	}
	m.AddonID, m.PaymentMethod = types.StringValue("storage-10gb"), types.StringNull()
	if got := m.ToAPI(); got != (client.StorageAddonOrder{AddonID: "storage-10gb"}) {
		t.Errorf("ToAPI = %+v", got)
	}
	if got := m.Describe(); got != "storage order ord_1 on account acct_1" {
		t.Errorf("Describe = %q", got)
	}
}

func TestVPSSizeModelFromAPI(t *testing.T) {
	var m vpsSizeModel
	m.FromAPI(&client.VPS{Plan: client.VPSPlan{ProductSlug: "vps-md", Name: "VPS Medium"},
		Specs:   client.VPSSpecs{CPU: 4, RAMMB: 8192, DiskGB: 160, BandwidthGB: 5000},
		Options: client.VPSOptions{BandwidthGB: 5000, BackupSlots: 7, IPv4Count: 1, IPv6: true, Reported: true}})
	if m.ProductSlug.ValueString() != "vps-md" || !m.Package.IsNull() {
		t.Errorf("model: %+v", m)
	}
	want := map[string]int64{"bandwidthGb": 5000, "backupSlots": 7, "snapshotSlots": 0, "ipv4Count": 1, "ipv6": 1, "additionalStorageGb": 0}
	if !m.Options.Equal(optionsMap(want)) {
		t.Errorf("options = %v, want %v", m.Options, want)
	}
	if !m.Specs.Equal(specsValue("VPS Medium", 4, 8192, 160, 5000)) {
		t.Errorf("specs = %v", m.Specs)
	}
}

func TestVPSSizeModelFromV1(t *testing.T) {
	var m vpsSizeModel
	m.FromV1(&client.VMDetails{ProductID: "1938", ProductName: "VPS 4", BillingCycle: "monthly", CPU: 2, RAMMB: 4096, DiskGB: 80, BandwidthLimit: 2000})
	if m.Package.ValueString() != "1938" || m.BillingCycle.ValueString() != "monthly" || !m.Resources.IsNull() {
		t.Errorf("v1 reports no option quantities; model: %+v", m)
	}
	if !m.Specs.Equal(specsValue("VPS 4", 2, 4096, 80, 2000)) || m.Imported() {
		t.Errorf("specs = %v", m.Specs)
	}
}
