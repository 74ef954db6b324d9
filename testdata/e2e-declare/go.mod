module example.com/declare

go 1.26
