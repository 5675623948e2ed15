package projections

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// Dump returns a canonical text dump of every table of the read model:
// tables by name, each with its columns and its rows sorted by every
// column, values quoted. Two read models with equal dumps answer every
// query alike; tests use it to prove that projecting live and replaying
// give the same result.
func (s *Store) Dump(ctx context.Context) (string, error) {
	tables, err := tableNames(ctx, s.r)
	if err != nil {
		return "", fmt.Errorf("projections: dump: %w", err)
	}
	var b strings.Builder
	for _, t := range tables {
		if err := dumpTable(ctx, s, &b, t); err != nil {
			return "", fmt.Errorf("projections: dump %s: %w", t, err)
		}
	}
	return b.String(), nil
}

func dumpTable(ctx context.Context, s *Store, b *strings.Builder, table string) error {
	rows, err := s.r.QueryContext(ctx, "SELECT * FROM "+quoteIdent(table)+" LIMIT 0")
	if err != nil {
		return err
	}
	cols, err := rows.Columns()
	rows.Close()
	if err != nil {
		return err
	}
	order := make([]string, len(cols))
	for i := range cols {
		order[i] = strconv.Itoa(i + 1)
	}
	rows, err = s.r.QueryContext(ctx, "SELECT * FROM "+quoteIdent(table)+" ORDER BY "+strings.Join(order, ", "))
	if err != nil {
		return err
	}
	defer rows.Close()
	fmt.Fprintf(b, "== %s (%s)\n", table, strings.Join(cols, ", "))
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		for i, v := range vals {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(dumpValue(v))
		}
		b.WriteByte('\n')
	}
	return rows.Err()
}

func dumpValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case string:
		return strconv.Quote(x)
	case []byte:
		return "x" + strconv.Quote(string(x))
	default:
		return fmt.Sprintf("%v", x)
	}
}
