package projections

import (
	"context"
	"database/sql"
	"fmt"
)

// StatsWindow is how many of the most recent finished runs [Store.Stats]
// takes durations from.
const StatsWindow = 1000

// Stats are aggregates of the read model for /metrics.
type Stats struct {
	// RunsByStatus counts every run by status; every status is present.
	RunsByStatus map[string]int
	// RunDurations are the durations in seconds (started to finished) of
	// the StatsWindow most recently created runs that started and ended.
	RunDurations []float64
	// StepDurations maps a step to the durations in seconds of its
	// completed executions within those runs.
	StepDurations map[string][]float64
}

// Stats returns the run counts and durations of the read model.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	st := Stats{
		RunsByStatus:  map[string]int{StatusPending: 0, StatusRunning: 0, StatusCompleted: 0, StatusFailed: 0, StatusCancelled: 0},
		StepDurations: map[string][]float64{},
	}
	rows, err := s.query(ctx, "SELECT status, COUNT(*) FROM runs GROUP BY status")
	if err != nil {
		return Stats{}, fmt.Errorf("projections: stats: %w", err)
	}
	_, err = collect(rows, func(sc scanner) (struct{}, error) {
		var status string
		var n int
		err := sc.Scan(&status, &n)
		st.RunsByStatus[status] = n
		return struct{}{}, err
	})
	if err != nil {
		return Stats{}, fmt.Errorf("projections: stats: %w", err)
	}

	recent := `SELECT id, started_at, finished_at FROM runs
		WHERE started_at IS NOT NULL AND finished_at IS NOT NULL ORDER BY seq DESC LIMIT ?`
	rows, err = s.query(ctx, recent, StatsWindow)
	if err != nil {
		return Stats{}, fmt.Errorf("projections: stats: %w", err)
	}
	st.RunDurations, err = collect(rows, scanDuration)
	if err != nil {
		return Stats{}, fmt.Errorf("projections: stats: %w", err)
	}

	rows, err = s.query(ctx, `SELECT step, started_at, finished_at FROM run_steps
		WHERE status = 'completed' AND started_at IS NOT NULL AND finished_at IS NOT NULL
		AND run_id IN (SELECT id FROM runs WHERE started_at IS NOT NULL AND finished_at IS NOT NULL ORDER BY seq DESC LIMIT ?)
		ORDER BY step, seq`, StatsWindow)
	if err != nil {
		return Stats{}, fmt.Errorf("projections: stats: %w", err)
	}
	_, err = collect(rows, func(sc scanner) (struct{}, error) {
		var step string
		var started, finished sql.NullString
		if err := sc.Scan(&step, &started, &finished); err != nil {
			return struct{}{}, err
		}
		d, err := duration(started, finished)
		st.StepDurations[step] = append(st.StepDurations[step], d)
		return struct{}{}, err
	})
	if err != nil {
		return Stats{}, fmt.Errorf("projections: stats: %w", err)
	}
	return st, nil
}

func scanDuration(sc scanner) (float64, error) {
	var id string
	var started, finished sql.NullString
	if err := sc.Scan(&id, &started, &finished); err != nil {
		return 0, err
	}
	return duration(started, finished)
}

// duration returns finished - started in seconds, never negative.
func duration(started, finished sql.NullString) (float64, error) {
	a, err := parseNullTime(started)
	if err != nil {
		return 0, err
	}
	b, err := parseNullTime(finished)
	if err != nil {
		return 0, err
	}
	if a == nil || b == nil {
		return 0, nil
	}
	return max(b.Sub(*a).Seconds(), 0), nil
}
