package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// rpcProvider is the provider served through its protocol, as Terraform
// talks to it, and configured for one simulator: list resources are tested
// through the calls Terraform makes (GetProviderSchema, ConfigureProvider,
// ListResource), with no CLI.
type rpcProvider struct {
	t          testing.TB
	srv        listServer
	schemas    *tfprotov6.GetProviderSchemaResponse
	identities map[string]*tfprotov6.ResourceIdentitySchema
}

// listServer is a provider server that serves list resources, whose
// ListResource terraform-plugin-go keeps out of ProviderServer for now.
type listServer interface {
	tfprotov6.ProviderServer
	ListResource(context.Context, *tfprotov6.ListResourceRequest) (*tfprotov6.ListResourceServerStream, error)
}

// newRPCProvider configures the provider for url with the test key; reads
// are not retried, so that an injected failure ends a listing at once.
func newRPCProvider(t testing.TB, url string) *rpcProvider {
	t.Helper()
	ctx := context.Background()
	srv, ok := providerserver.NewProtocol6(New("test")())().(listServer)
	if !ok {
		t.Fatal("the provider server does not serve list resources")
	}
	p := &rpcProvider{t: t, srv: srv}
	var err error
	if p.schemas, err = p.srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{}); err != nil {
		t.Fatal(err)
	}
	p.noErrors("GetProviderSchema", p.schemas.Diagnostics)
	ids, err := p.srv.GetResourceIdentitySchemas(ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil {
		t.Fatal(err)
	}
	p.identities = ids.IdentitySchemas
	cfg := p.dynamic(p.schemas.Provider, map[string]tftypes.Value{
		"endpoint":    tftypes.NewValue(tftypes.String, url),
		"api_key":     tftypes.NewValue(tftypes.String, testAPIKey),
		"max_retries": tftypes.NewValue(tftypes.Number, 0),
	})
	resp, err := p.srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: cfg, TerraformVersion: "1.15.9"})
	if err != nil {
		t.Fatal(err)
	}
	p.noErrors("ConfigureProvider", resp.Diagnostics)
	return p
}

// listed is one list result, decoded.
type listed struct {
	displayName string
	identity    map[string]tftypes.Value
	// resource is the resource object; nil when none was sent.
	resource *tftypes.Value
	diags    []*tfprotov6.Diagnostic
}

// identityString is the one identity attribute of a result.
func (l listed) identityString(name string) string {
	var s string
	if err := l.identity[name].As(&s); err != nil {
		panic(err)
	}
	return s
}

// listRequest is a ListResource call: its list block's filters (the rest
// null), and what it asks for.
type listRequest struct {
	typeName        string
	filters         map[string]string
	includeResource bool
	limit           int64
	// after runs after each result arrives, before the next is asked for.
	after func(n int)
}

// list calls ListResource and reads the whole stream.
func (p *rpcProvider) list(req listRequest) []listed {
	p.t.Helper()
	ctx := context.Background()
	schema, ok := p.schemas.ListResourceSchemas[req.typeName]
	if !ok {
		p.t.Fatalf("no list resource %s", req.typeName)
	}
	filters := map[string]tftypes.Value{}
	for k, v := range req.filters {
		filters[k] = tftypes.NewValue(tftypes.String, v)
	}
	stream, err := p.srv.ListResource(ctx, &tfprotov6.ListResourceRequest{TypeName: req.typeName,
		Config: p.dynamic(schema, filters), IncludeResource: req.includeResource, Limit: req.limit})
	if err != nil {
		p.t.Fatal(err)
	}
	var out []listed
	for r := range stream.Results {
		l := listed{displayName: r.DisplayName, diags: r.Diagnostics}
		if r.Identity != nil {
			v := p.decode(r.Identity.IdentityData, p.identities[req.typeName].ValueType())
			if err := v.As(&l.identity); err != nil {
				p.t.Fatal(err)
			}
		}
		if r.Resource != nil {
			v := p.decode(r.Resource, p.schemas.ResourceSchemas[req.typeName].ValueType())
			l.resource = &v
		}
		out = append(out, l)
		if req.after != nil {
			req.after(len(out))
		}
	}
	return out
}

// importRefreshed is the state `terraform import` of id followed by a
// refresh leaves.
func (p *rpcProvider) importRefreshed(typeName, id string) tftypes.Value {
	p.t.Helper()
	ctx := context.Background()
	imp, err := p.srv.ImportResourceState(ctx, &tfprotov6.ImportResourceStateRequest{TypeName: typeName, ID: id})
	if err != nil {
		p.t.Fatal(err)
	}
	p.noErrors("ImportResourceState "+id, imp.Diagnostics)
	got := imp.ImportedResources[0]
	read, err := p.srv.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: typeName, CurrentState: got.State,
		CurrentIdentity: got.Identity, Private: got.Private})
	if err != nil {
		p.t.Fatal(err)
	}
	p.noErrors("ReadResource "+id, read.Diagnostics)
	return p.decode(read.NewState, p.schemas.ResourceSchemas[typeName].ValueType())
}

// dynamic is an object of schema's type: set's attributes, the rest null.
func (p *rpcProvider) dynamic(schema *tfprotov6.Schema, set map[string]tftypes.Value) *tfprotov6.DynamicValue {
	p.t.Helper()
	typ := schema.ValueType().(tftypes.Object)
	values := map[string]tftypes.Value{}
	for name, t := range typ.AttributeTypes {
		values[name] = tftypes.NewValue(t, nil)
		if v, ok := set[name]; ok {
			values[name] = v
		}
	}
	dv, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, values))
	if err != nil {
		p.t.Fatal(err)
	}
	return &dv
}

func (p *rpcProvider) decode(dv *tfprotov6.DynamicValue, typ tftypes.Type) tftypes.Value {
	p.t.Helper()
	v, err := dv.Unmarshal(typ)
	if err != nil {
		p.t.Fatal(err)
	}
	return v
}

func (p *rpcProvider) noErrors(call string, diags []*tfprotov6.Diagnostic) {
	p.t.Helper()
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			p.t.Fatalf("%s: %s: %s", call, d.Summary, d.Detail)
		}
	}
}
