package language

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOfSampleDocuments(t *testing.T) {
	t.Parallel()
	for file, want := range map[string]Tag{
		"en.md": English, "ja.md": Japanese, "pt.md": Portuguese, "de.md": German,
		"fr.md": French, "es.md": Spanish, "zh.md": Chinese, "ko.md": Korean, "ru.md": Russian,
		"eo.md": Esperanto,
	} {
		t.Run(file, func(t *testing.T) {
			t.Parallel()
			b, err := os.ReadFile(filepath.Join("testdata", file))
			if err != nil {
				t.Fatal(err)
			}
			if got := Of(string(b)); got != want {
				t.Errorf("Of(%s) = %q (%s), want %q (%s)", file, got, got.Name(), want, want.Name())
			}
		})
	}
}

func TestOfDoesNotGuess(t *testing.T) {
	t.Parallel()
	pt, err := os.ReadFile(filepath.Join("testdata", "pt.md"))
	if err != nil {
		t.Fatal(err)
	}
	zh, err := os.ReadFile(filepath.Join("testdata", "zh.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text string
		want       Tag
	}{
		{"empty", "", Unknown},
		{"a heading", "# Berth", Unknown},
		{"identifiers only", "| Name | Type |\n|---|---|\n| berth_id | uint32 |\n| vessel_name | string |\n| eta | time.Time |", Unknown},
		{"short French quote in English", "The motto of the harbour, *le port est ouvert à tous*, is written above the gate. It is the first thing a crew sees when the ship comes into the basin and the pilot leaves it at the quay.", English},
		{"another language inside a code block", "The scheduler logs in the crew's language, for example:\n\n```text\n" + string(pt) + "\n```\n\nThe log is kept for a week and then it is removed by the cleaner.", English},
		{"another language inside code spans", "Set `O agendador do porto atribui cada navio que chega a um berço, e não para` to the greeting that is shown when the ship is moored at the berth and the crew is on the quay.", English},
		{"Japanese with much English", strings.Repeat("The berth scheduler assigns vessels to berths when they arrive. ", 10) + "\n\nこの文書はスケジューラの設定について説明します。設定ファイルは起動時に読み込まれます。", Japanese},
		{"addresses", "# Dependencies\n\n" + strings.Repeat("| github.com/harbour/berth-scheduler/v2 | MIT |\n| com.example.quay/tide@1.2 | Apache-2.0 |\n", 20), Unknown},
		{"a Japanese list of kanji terms", "# 用語\n\n" + strings.Repeat("港湾施設、岸壁延長、錨地水深、潮位観測、係留設備、荷役機械、航路標識、泊地面積、防波堤、灯台管理、", 5) + "など。", Unknown},
		{"a few kanji", "The 港 (minato) sign marks the harbour office; the 岸壁 sign the quay.", English},
		{"bilingual page", string(pt) + "\n\n" + strings.Repeat("The scheduler assigns each arriving vessel to a berth, and it frees the berth when the ship has left the quay. ", 6), English},
		// A translation that leaves its first paragraphs in English (a
		// manual's chapter whose intro was not translated yet): the
		// Chinese prose after them is the page's language.
		{"Chinese after an English opening", strings.Repeat("The scheduler assigns each arriving vessel to a berth, and it frees the berth when the ship has left the quay. ", 8) +
			"\n\n" + strings.Repeat(string(zh)+"\n\n", 8), Chinese},
		// A technical translation names files and commands in its prose:
		// more Latin letters than Han ones, but Chinese grammar throughout.
		{"Chinese with many names", strings.Repeat(string(zh)+"\n\nberthctl schedule --quay north /var/lib/berthd/tides.db /etc/berthd/berthd.conf harbour-scheduler-daemon tide-table-loader "+
			"/usr/share/doc/berthd/examples/berths.toml debian/rules override_dh_auto_configure /usr/lib/x86_64-linux-gnu/libberth.so.1 "+
			"berthctl release --quay south /var/cache/berthd/manifests harbourmaster-notification-service quay-assignment-report\n\n", 6) +
			strings.Repeat("The scheduler assigns each arriving vessel to a berth, and it frees the berth when the ship has left the quay. ", 4), Chinese},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := Of(tc.text); got != tc.want {
				t.Errorf("Of = %q (%s), want %q (%s)", got, got.Name(), tc.want, tc.want.Name())
			}
		})
	}
}

func TestName(t *testing.T) {
	t.Parallel()
	for tag, want := range map[Tag]string{Portuguese: "Portuguese", Chinese: "Chinese", Unknown: "unknown", Tag("xx"): "unknown"} {
		if got := tag.Name(); got != want {
			t.Errorf("%q.Name() = %q, want %q", tag, got, want)
		}
	}
}

func TestFunctionWords(t *testing.T) {
	t.Parallel()
	for w, langs := range functionWords {
		if len(w) > maxWordLen {
			t.Errorf("%q is longer than maxWordLen (%d bytes): it is never counted", w, maxWordLen)
		}
		if langs&englishBit != 0 && langs != englishBit {
			t.Errorf("%q is both an English and a foreign function word", w)
		}
	}
}

// BenchmarkOf measures Of over the sample documents, each repeated to a
// page of about 40 KB. MB/s is text bytes per second.
func BenchmarkOf(b *testing.B) {
	var pages []string
	size := 0
	for _, f := range []string{"en.md", "ja.md", "pt.md", "zh.md"} {
		raw, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			b.Fatal(err)
		}
		page := strings.Repeat(string(raw)+"\n", 40_000/len(raw)+1)
		pages = append(pages, page)
		size += len(page)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, p := range pages {
			Of(p)
		}
	}
}

// A short translated page, three sentences, is plain enough.
func TestOfShortPage(t *testing.T) {
	t.Parallel()
	page := "# Berço\n\nUm berço é um trecho do cais onde um navio pode atracar enquanto é carregado ou descarregado. " +
		"Quando todos os berços estão ocupados, o navio espera no fundeadouro até que o agendador libere um deles. " +
		"O agendador lê a tábua de marés na inicialização e, se a tábua não existir, não inicia.\n"
	if got := Of(page); got != Portuguese {
		t.Errorf("Of = %q (%s), want Portuguese", got, got.Name())
	}
}

// Foreign tells a passage in another Latin-script language from English
// prose that quotes a few foreign words.
func TestForeign(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]bool{
		"Das Debian-Quellpaket ist eine Gruppe von Eingabedateien, die zum Bau des Binärpakets verwandt werden.": true,
		"Le planificateur attribue une place à chaque navire qui arrive dans le port.":                           true,
		"The scheduler assigns each arriving vessel to a berth, de facto the only one left.":                     false,
		"The motto, le port est ouvert à tous, is written above the gate of the harbour office.":                 false,
		"Run `der das und ist nicht mit` to list the words.":                                                     false,
		"港の船を数えます。": false,
		"":          false,
	} {
		if got := Foreign(text); got != want {
			t.Errorf("Foreign(%q) = %v, want %v", text, got, want)
		}
	}
}
