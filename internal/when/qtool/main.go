package main

import (
	"fmt"
	"os"
	"time"

	"github.com/parallax-news/parallax/internal/when"
)

func main() {
	a, _ := time.Parse("2006-01-02", os.Args[1])
	for _, t := range when.FindLang(os.Args[2], os.Args[3], a) {
		fmt.Printf("%q %s %s %v\n", t.Text, t.Type, t.Value, t.Resolved)
	}
}
