module example.com/e2edirectives

go 1.26
