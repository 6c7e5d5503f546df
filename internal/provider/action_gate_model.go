package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

// HostUp's "may this be done now, and if not why" (client.ActionGate), as
// the data sources show it. An answer without the gate is not HostUp saying
// no: what it leaves out is null.

// actionGateModel is a gate as an object.
type actionGateModel struct {
	Allowed types.Bool   `tfsdk:"allowed"`
	Reason  types.String `tfsdk:"reason"`
	Code    types.String `tfsdk:"code"`
}

// FromAPI takes a gate as HostUp reports it.
func (m *actionGateModel) FromAPI(g client.ActionGate) {
	m.Allowed = gateAllowed(g)
	m.Reason = tfvalue.Pointer(g.Reason)
	m.Code = tfvalue.Pointer(g.Code)
}

// gateAllowed is whether the gate is open; null when HostUp did not report
// it.
func gateAllowed(g client.ActionGate) types.Bool {
	if !g.Reported {
		return types.BoolNull()
	}
	return types.BoolValue(g.Allowed)
}

// actionGateAttributes is the schema of actionGateModel; action says what
// the gate allows ("a storage order").
func actionGateAttributes(action string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"allowed": computedBool("Whether " + action + " would be accepted now; null when HostUp does not say."),
		"reason":  computedString("HostUp's reason when `allowed` is false."),
		"code":    computedString("HostUp's code when `allowed` is false, e.g. `pending_order`."),
	}
}
