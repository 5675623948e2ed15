package natstest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Cluster is a JetStream cluster of embedded nats-servers on loopback
// ports, for fault-injection tests: a node can be killed and restarted on
// the same ports and store directory. Create it with [StartCluster]; its
// methods are safe for concurrent use.
type Cluster struct {
	t     testing.TB
	name  string
	nodes []*clusterNode
}

// clusterNode is one server of a [Cluster] and what it needs to restart.
type clusterNode struct {
	mu          sync.Mutex
	name        string
	storeDir    string
	clientPort  int
	clusterPort int
	srv         *server.Server // nil while killed
}

// StartCluster starts n (>= 3 for a JetStream quorum that survives a lost
// node) embedded servers named n1..nN that form one cluster with JetStream,
// each with its own store directory in t.TempDir(), and waits until the
// JetStream meta group has a leader. Every server is shut down by
// t.Cleanup. Any failure ends the test with t.Fatal.
//
// Ports are picked by binding port 0 on 127.0.0.1 and releasing it, so
// that every node can list every other node's route before any starts and
// a restarted node comes back on the same client URL.
func StartCluster(t testing.TB, n int) *Cluster {
	t.Helper()
	c := &Cluster{t: t, name: "gg-test"}
	t.Cleanup(func() {
		for i := range c.nodes {
			c.Kill(i)
		}
	})
	// A port released by freePorts may be taken by another process (a
	// parallel test binding port 0) before its node binds it; the node
	// then never becomes ready. The whole cluster is started again on
	// fresh ports, a few times.
	const attempts = 3
	var err error
	for try := 1; try <= attempts; try++ {
		if err = c.startNodes(n); err == nil {
			break
		}
		for i := range c.nodes {
			c.Kill(i)
		}
	}
	if err != nil {
		t.Fatalf("natstest: start cluster (%d attempts): %v", attempts, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := c.WaitJetStream(ctx); err != nil {
		t.Fatalf("natstest: cluster JetStream: %v", err)
	}
	return c
}

// startNodes picks fresh ports and store directories for n nodes and
// starts them all.
func (c *Cluster) startNodes(n int) error {
	ports, err := freePorts(2 * n)
	if err != nil {
		return fmt.Errorf("cluster ports: %w", err)
	}
	c.nodes = c.nodes[:0]
	for i := range n {
		c.nodes = append(c.nodes, &clusterNode{
			name:        "n" + strconv.Itoa(i+1),
			storeDir:    filepath.Join(c.t.TempDir(), "js"),
			clientPort:  ports[2*i],
			clusterPort: ports[2*i+1],
		})
	}
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range c.nodes {
		wg.Go(func() { errs[i] = c.start(i) })
	}
	wg.Wait()
	return errors.Join(errs...)
}

// freePorts returns n distinct free TCP ports on 127.0.0.1.
func freePorts(n int) ([]int, error) {
	var lns []net.Listener
	defer func() {
		for _, ln := range lns {
			_ = ln.Close()
		}
	}()
	var ports []int
	for range n {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		lns = append(lns, ln)
		ports = append(ports, ln.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}

// options returns the server options of node i.
func (c *Cluster) options(i int) *server.Options {
	nd := c.nodes[i]
	var routes []string
	for _, o := range c.nodes {
		routes = append(routes, "nats-route://127.0.0.1:"+strconv.Itoa(o.clusterPort))
	}
	return &server.Options{
		ServerName:         nd.name,
		Host:               "127.0.0.1",
		Port:               nd.clientPort,
		JetStream:          true,
		StoreDir:           nd.storeDir,
		JetStreamMaxMemory: 64 << 20,
		JetStreamMaxStore:  1 << 30,
		NoSigs:             true,
		NoLog:              true,
		Cluster: server.ClusterOpts{
			Name: c.name,
			Host: "127.0.0.1",
			Port: nd.clusterPort,
		},
		Routes: server.RoutesFromStr(strings.Join(routes, ",")),
	}
}

// start starts node i (which must not be running) and waits until it
// accepts connections.
func (c *Cluster) start(i int) error {
	nd := c.nodes[i]
	nd.mu.Lock()
	defer nd.mu.Unlock()
	if nd.srv != nil {
		return fmt.Errorf("node %s is running", nd.name)
	}
	s, err := server.NewServer(c.options(i))
	if err != nil {
		return fmt.Errorf("node %s: %w", nd.name, err)
	}
	go s.Start()
	if !s.ReadyForConnections(30 * time.Second) {
		s.Shutdown()
		s.WaitForShutdown()
		return fmt.Errorf("node %s: not ready for connections", nd.name)
	}
	nd.srv = s
	return nil
}

// URLs returns every node's client URL, running or not.
func (c *Cluster) URLs() []string {
	var urls []string
	for _, nd := range c.nodes {
		urls = append(urls, "nats://127.0.0.1:"+strconv.Itoa(nd.clientPort))
	}
	return urls
}

// URL returns the comma-separated client URLs of all nodes, as
// nats.Connect and --nats-url take them.
func (c *Cluster) URL() string { return strings.Join(c.URLs(), ",") }

// Names returns the server names, n1..nN, in node order.
func (c *Cluster) Names() []string {
	var names []string
	for _, nd := range c.nodes {
		names = append(names, nd.name)
	}
	return names
}

// Index returns the node index of the server named name, or -1.
func (c *Cluster) Index(name string) int {
	for i, nd := range c.nodes {
		if nd.name == name {
			return i
		}
	}
	return -1
}

// Kill shuts node i down (its clients are disconnected and fail over to
// the other nodes); a node already down is left alone.
func (c *Cluster) Kill(i int) {
	nd := c.nodes[i]
	nd.mu.Lock()
	defer nd.mu.Unlock()
	if nd.srv == nil {
		return
	}
	nd.srv.Shutdown()
	nd.srv.WaitForShutdown()
	nd.srv = nil
}

// Restart starts node i again on its ports and store directory. Errors
// end the test.
func (c *Cluster) Restart(i int) {
	c.t.Helper()
	if err := c.start(i); err != nil {
		c.t.Fatalf("natstest: restart: %v", err)
	}
}

// Connect returns a client connection to the cluster (all URLs, reconnecting
// forever), closed by t.Cleanup.
func (c *Cluster) Connect(opts ...nats.Option) (*nats.Conn, error) {
	opts = append([]nats.Option{nats.MaxReconnects(-1), nats.ReconnectWait(100 * time.Millisecond)}, opts...)
	nc, err := nats.Connect(c.URL(), opts...)
	if err != nil {
		return nil, fmt.Errorf("natstest: connect to cluster: %w", err)
	}
	c.t.Cleanup(nc.Close)
	return nc, nil
}

// WaitJetStream waits until JetStream answers account info requests
// through the cluster, which needs a meta leader.
func (c *Cluster) WaitJetStream(ctx context.Context) error {
	nc, err := c.Connect()
	if err != nil {
		return err
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}
	for {
		actx, cancel := context.WithTimeout(ctx, 2*time.Second)
		_, err := js.AccountInfo(actx)
		cancel()
		if err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%w (last error: %w)", ctx.Err(), err)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// StreamLeader returns the name of the server leading stream's raft group.
func StreamLeader(ctx context.Context, js jetstream.JetStream, stream string) (string, error) {
	st, err := js.Stream(ctx, stream)
	if err != nil {
		return "", fmt.Errorf("natstest: stream %s: %w", stream, err)
	}
	info := st.CachedInfo()
	if info.Cluster == nil || info.Cluster.Leader == "" {
		return "", fmt.Errorf("natstest: stream %s has no leader", stream)
	}
	return info.Cluster.Leader, nil
}
