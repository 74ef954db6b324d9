module example.com/e2eclean

go 1.26
