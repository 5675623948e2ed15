package projectstate_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/natstest"
	"github.com/genglossary/genglossary/internal/projectstate"
)

// BenchmarkLoadOldProject loads a project whose first events (creation, a
// document, three runs' results) lie at the start of a stream that later
// grew by 120 MB of other projects' events, spread over many message
// blocks, and whose last run is recent: a long-lived project.
func BenchmarkLoadOldProject(b *testing.B) {
	_, nc, js := natstest.Start(b, natstest.InProcessOnly())
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	bd := &bundle{t: b, ctx: ctx, js: js, pid: events.NewID()}
	mustPublish := func(pid, rid string, d events.Data) {
		env, err := events.NewEnvelope(pid, rid, d)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := events.Publish(ctx, js, env); err != nil {
			b.Fatal(err)
		}
	}
	mustPublish(bd.pid, "", events.ProjectCreated{Name: "old"})
	bd.addDoc("a.md", "alpha beta")
	for range 3 {
		bd.result(events.NewID(), "extract", events.StepOutput{Terms: []glossary.Term{{Text: "alpha"}}})
	}
	// Other projects' events: 60000 messages of about 2 KB.
	pad := strings.Repeat("x", 2000)
	for i := range 60000 {
		m := nats.NewMsg(events.SubjectRoot + "." + events.NewID() + "." + events.TypeProjectCreated)
		m.Data = []byte(`{"v":1,"type":"project.created","data":{"name":"` + pad + `"}}`)
		if _, err := js.PublishMsgAsync(m); err != nil {
			b.Fatal(err)
		}
		if i%5000 == 0 {
			<-js.PublishAsyncComplete()
		}
	}
	<-js.PublishAsyncComplete()
	_ = nc
	// A recent run: its result is in the stream's last block, the older
	// ones in its first.
	bd.result(events.NewID(), "extract", events.StepOutput{Terms: []glossary.Term{{Text: "beta"}}})
	mustPublish(bd.pid, "", events.ProjectUpdated{Name: strp("touched")})
	st, err := js.Stream(ctx, events.EventsStream)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("stream: %d messages, %d bytes", st.CachedInfo().State.Msgs, st.CachedInfo().State.Bytes)
	b.ResetTimer()
	for b.Loop() {
		if _, err := projectstate.Load(ctx, js, bd.pid, projectstate.KnownReplicas(1)); err != nil {
			b.Fatal(err)
		}
	}
}
