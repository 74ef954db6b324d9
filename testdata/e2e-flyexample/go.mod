module example.com/tunnel

go 1.26
