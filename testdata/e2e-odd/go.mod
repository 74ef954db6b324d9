module example.com/e2eodd

go 1.26
