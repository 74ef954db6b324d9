module example.com/e2ebroken

go 1.26
