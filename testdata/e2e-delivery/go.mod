module example.com/delivery

go 1.26
