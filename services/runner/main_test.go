package runner_test

import (
	"testing"

	"github.com/genglossary/genglossary/internal/enginetest"
)

func TestMain(m *testing.M) { enginetest.Main(m) }
