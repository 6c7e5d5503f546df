// Package hostupsim is an in-memory, deterministic simulator of the HostUp API
// (https://cloud.hostup.se) for tests, benchmarks and demos.
//
// It is written from the endpoint pages in the project's hostup-api folder and
// is deliberately as strict as the real service: exact paths and methods, the
// authentication header of each API generation, scopes per key, required and
// unknown body fields, the v1 response envelope and the v2 RFC 7807 problem
// details. A provider that passes against it should work unchanged against the
// real API.
//
// It shares no code or types with the project's API client: every response is
// encoded from the simulator's own structs, so a field name or JSON type that
// the client gets wrong is caught instead of mirrored.
//
// Everything is deterministic: the clock only moves when told to (New starts it
// at 2026-02-10T00:00:00Z), identifiers and request ids come from counters, and
// prices are computed in integer öre. Two fresh servers given the same requests
// answer byte-identical bodies.
//
// Its lean mode (SetLean, POST /admin/lean, hostupsim -lean) answers with
// only the fields HostUp documents, and with the other JSON type wherever
// the documentation allows two, so that a client relying on more than the
// contract is caught (see lean.go).
//
// Tests drive it in process through the Go API (seeding, the request log,
// fault injection, price changes); out-of-process runs use the JSON admin API
// served by AdminHandler on a separate listener (see cmd/hostupsim).
package hostupsim
